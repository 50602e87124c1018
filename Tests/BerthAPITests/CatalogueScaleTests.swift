import AsyncHTTPClient
import BerthModel
import Foundation
import NIOCore
import Testing

/// The ImageService over a thousand real images: one pushed by skopeo, then 999 more
/// manifests over the same blobs that differ by an annotation, so each has its own digest.
@Suite("A thousand images", .enabled(if: Peers.registriesAvailable))
struct CatalogueScaleTests {
    static let count = 1000

    /// PUTs a copy of `manifest` with one annotation changed; returns the new digest.
    static func pushVariant(_ manifest: [String: Any], index: Int, registry: String, repository: String) async throws -> String {
        var copy = manifest
        copy["annotations"] = ["org.berth.test.index": String(index)]
        let body = try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys])
        var request = HTTPClientRequest(url: "http://\(registry)/v2/\(repository)/manifests/t\(index)")
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: "application/vnd.oci.image.manifest.v1+json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .created, let digest = response.headers.first(name: "Docker-Content-Digest") else {
            throw TestHTTP.Failure(message: "manifest push answered \(response.status)")
        }
        return digest
    }

    @Test func listCountGetDeleteExportAndWatchOverAThousandImages() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let repository = "berth-it/scale-\(seed)"
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/\(repository):base")
        var request = HTTPClientRequest(url: "http://\(registry)/v2/\(repository)/manifests/base")
        request.headers.add(name: "Accept", value: "application/vnd.oci.image.manifest.v1+json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let manifestBytes = try await response.body.collect(upTo: 1 << 20)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestBytes.readableBytesView)) as? [String: Any])
        nonisolated(unsafe) let template = manifest

        let pushed = try await withThrowingTaskGroup(of: String.self) { group in
            var digests: [String] = []
            for index in 0..<Self.count {
                group.addTask { try await Self.pushVariant(template, index: index, registry: registry, repository: repository) }
                if index >= 8, let digest = try await group.next() { digests.append(digest) }
            }
            for try await digest in group { digests.append(digest) }
            return digests
        }
        #expect(Set(pushed).count == Self.count, "each annotation gives its own digest")

        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: ImageServicePeerTests.integration(registry, name: "loopback")).status == .ok)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<Self.count {
                    group.addTask {
                        let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(registry)/\#(repository):t\#(index)"}"#)
                        #expect(reply.status == .ok, "t\(index): \(reply.text)")
                    }
                    if index >= 16 { try await group.next() }
                }
                try await group.waitForAll()
            }

            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(Double(Self.count)))
            let all = try await api.send(.get, "/v1/images?pagination.limit=1000")
            let rows = try #require(all.json?["images"]?.arrayValue)
            #expect(rows.count == Self.count)
            #expect(Set(rows.compactMap { $0["id"]?.stringValue }).count == Self.count, "every variant is its own image")

            // Pages tile the sorted list without gaps or repeats.
            var paged: [String] = []
            for offset in stride(from: 0, to: Self.count, by: 300) {
                let page = try await api.send(.get, "/v1/images?pagination.limit=300&pagination.offset=\(offset)&pagination.sortOption.field=Image%20Tag")
                paged += page.json?["images"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            }
            #expect(paged.count == Self.count)
            #expect(Set(paged).count == Self.count)

            // `Image Tag:t99` is a prefix match: t99 and t990…t999.
            let prefix = try await api.send(.get, "/v1/imagescount?query=Image%20Tag%3At99")
            #expect(prefix.json?["count"] == .number(11))
            let exact = try await api.send(.get, "/v1/images?query=Image%20Tag%3A%22t99%22")
            #expect(exact.json?["images"]?.arrayValue?.count == 1)
            let someID = try #require(exact.json?["images"]?.arrayValue?.first?["id"]?.stringValue)
            let one = try await api.send(.get, "/v1/images/\(someID)")
            #expect(one.json?["name"]?["tag"]?.stringValue == "t99")

            let export = try await api.send(.get, "/v1/export/images")
            let lines = export.text.split(separator: "\n")
            #expect(lines.count == Self.count)
            #expect(Set(lines.compactMap { line in
                (try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)))?["result"]?["image"]?["id"]?.stringValue
            }).count == Self.count)

            // Watch one tag among the thousand.
            let watch = try await api.send(.post, "/v1/watchedimages", json: #"{"name":"\#(registry)/\#(repository):t500"}"#)
            #expect(watch.json?["errorType"]?.stringValue == "NO_ERROR", "\(watch.text)")
            #expect(try await test.server.images.rescanWatched() == 0)

            // Dry run, then delete a tenth for real, then the rest.
            let tenth = "query.query=Image%20Tag%3At1"
            let dry = try await api.send(.delete, "/v1/images?\(tenth)")
            #expect(dry.json?["numDeleted"] == .number(111), "t1, t10…t19, t100…t199")
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(Double(Self.count)))
            #expect(try await api.send(.delete, "/v1/images?\(tenth)&confirm=true").json?["numDeleted"] == .number(111))
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(Double(Self.count - 111)))
            let rest = try await api.send(.delete, "/v1/images?query.query=Image%20Remote%3A%22\(repository.replacingOccurrences(of: "/", with: "%2F"))%22&confirm=true")
            #expect(rest.json?["numDeleted"] == .number(Double(Self.count - 111)))
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(0))
        }
    }
}
