import BerthModel
import Foundation
import Testing

/// The StackRox ImageService against real registries, with images pushed by skopeo.
@Suite("StackRox images against real registries", .enabled(if: Peers.registriesAvailable))
struct ImageServicePeerTests {
    /// A docker integration for a loopback registry (plain HTTP is allowed only this way).
    static func integration(_ endpoint: String, name: String, user: String = "", password: String = "") -> String {
        #"{"name":"\#(name)","type":"docker","categories":["REGISTRY"],"skipTestIntegration":true,"docker":{"endpoint":"\#(endpoint)","username":"\#(user)","password":"\#(password)","insecure":true}}"#
    }

    @Test func scanMatchesSkopeoForOCIDockerAndIndexImages() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed))
        let repo = "\(registry)/berth-it/app-\(seed)"
        try TestImages.push(layout, ref: "1.0", to: "\(repo):1.0")
        try TestImages.push(layout, ref: "1.0", to: "\(repo):v2s2", format: "v2s2")
        try TestImages.push(layout, ref: "multi", to: "\(repo):multi", all: true)

        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration(registry, name: "loopback")).status == .ok)

            for tag in ["1.0", "v2s2", "multi"] {
                let inspected = try TestImages.inspect("\(repo):\(tag)")
                let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(repo):\#(tag)"}"#)
                #expect(reply.status == .ok, "\(tag): \(reply.text)")
                let image = try JSONDecoder().decode(Image.self, from: reply.body)
                #expect(image.id == inspected.Digest, "\(tag): the id is the digest skopeo reports")
                #expect(image.metadata?.layerShas == inspected.Layers, "\(tag)")
                #expect(image.metadata?.v2?.digest == inspected.Digest)
                #expect(image.metadata?.v1?.created == "2026-01-01T00:00:01Z")
                #expect(image.metadata?.v1?.user == "1000")
                #expect(image.metadata?.v1?.command == ["/bin/sh"])
                #expect(image.metadata?.v1?.entrypoint == ["/entry"])
                #expect(image.metadata?.v1?.volumes == ["/data"])
                #expect(image.metadata?.v1?.labels == inspected.Labels)
                #expect(image.metadata?.v1?.layers.map(\.instruction) == ["ADD", "RUN", "CMD"])
                #expect(image.metadata?.v1?.layers.last?.empty == true)
                #expect(image.metadata?.dataSource?.name == "loopback")
                #expect(image.name?.fullName == "\(repo):\(tag)")
                #expect(image.name?.registry == registry)
                #expect(image.name?.remote == "berth-it/app-\(seed)")
                #expect(image.notes == ["MISSING_SIGNATURE", "MISSING_SIGNATURE_VERIFICATION_DATA"])
                // The layers hold only os-release and text files: a scan with an OS and no packages.
                #expect(image.scan?.operatingSystem == "debian:12")
                #expect(image.scan?.components.isEmpty == true)
                #expect(image.scan?.notes == [])
                #expect(image.components == 0)
                #expect(image.topCvss == nil)
                #expect(reply.json?["topCvss"] == nil, "an unset oneof is omitted")
            }
            // 1.0 and v2s2 are different manifests of one image; multi resolved to the amd64 child.
            let multi = try await api.send(.get, "/v1/images/\(layout.index)")
            #expect(multi.status == .ok)
            let bare = try await api.send(.get, "/v1/images/\(layout.amd64.dropFirst("sha256:".count))")
            #expect(bare.status == .ok, "a bare hex id means sha256")
            #expect(bare.json?["id"]?.stringValue == layout.amd64)

            // A second name for the same digest is added to names.
            try TestImages.push(layout, ref: "1.0", to: "\(repo):again")
            let again = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(repo):again"}"#)
            let names = again.json?["names"]?.arrayValue?.compactMap { $0["fullName"]?.stringValue } ?? []
            #expect(Set(names) == ["\(repo):1.0", "\(repo):again"])
        }
    }

    @Test func credentialsFromIntegrationsForBasicAndTokenRegistries() async throws {
        let basic = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let token = try Peers.value(Peers.tokenRegistry, "BERTH_TEST_TOKEN_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed))
        try TestImages.push(layout, ref: "1.0", to: "\(basic)/private/app-\(seed):1.0", credentials: "\(user):\(password)")
        try TestImages.push(layout, ref: "1.0", to: "\(token)/private/app-\(seed):1.0", credentials: "\(user):\(password)")

        let test = try await TestServer.make()
        try await test.withClient { api in
            // Without a matching integration Berth tries anonymous HTTPS, which this registry does not speak.
            let anonymous = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(basic)/private/app-\#(seed):1.0"}"#)
            #expect(anonymous.status.code >= 400)
            #expect(anonymous.message.contains("image enrichment error"))

            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration(basic, name: "basic", user: user, password: password)).status == .ok)
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration(token, name: "token", user: user, password: password)).status == .ok)
            for registry in [basic, token] {
                let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(registry)/private/app-\#(seed):1.0"}"#)
                #expect(reply.status == .ok, "\(registry): \(reply.text)")
                #expect(reply.json?["id"]?.stringValue == layout.amd64)
                #expect(!reply.text.contains(password))
            }
        }
    }

    @Test func failuresStoreNothing() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration("127.0.0.1:1", name: "down")).status == .ok)
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration(registry, name: "up")).status == .ok)
            let down = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"127.0.0.1:1/x/y:1"}"#)
            #expect(down.status == .serviceUnavailable)
            #expect(down.message.contains("registry unreachable"))
            let missing = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(registry)/berth-it/does-not-exist:1"}"#)
            #expect(missing.status == .notFound, "\(missing.text)")
            #expect(missing.message.contains("MANIFEST_UNKNOWN") || missing.message.contains("NAME_UNKNOWN"), "\(missing.message)")
            for bad in ["", "UPPER/case", "a b"] {
                let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(bad)"}"#)
                #expect(reply.status == .badRequest, "\(bad): \(reply.text)")
            }
            let cluster = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(registry)/a/b:1","cluster":"prod"}"#)
            #expect(cluster.status == .notFound)
            let count = try await api.send(.get, "/v1/imagescount")
            #expect(count.json?["count"] == .number(0))
        }
    }

    @Test func listCountGetDeleteExportAndWatch() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let repos = (0..<3).map { "\(registry)/berth-it/list-\(seed)-\($0)" }
        var pushed: [String] = []
        for (i, repo) in repos.enumerated() {
            let layout = try TestImages.makeLayout(seed: "\(seed)-\(i)", layers: 1)
            try TestImages.push(layout, ref: "1.0", to: "\(repo):1.0")
            pushed.append(layout.amd64)
        }
        let digests = pushed
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.integration(registry, name: "loopback")).status == .ok)
            for repo in repos {
                #expect(try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(repo):1.0"}"#).status == .ok)
            }
            let list = try await api.send(.get, "/v1/images")
            let rows = try #require(list.json?["images"]?.arrayValue)
            #expect(rows.count == 3)
            #expect(Set(rows.compactMap { $0["id"]?.stringValue }) == Set(digests))
            #expect(rows.first?["created"]?.stringValue == "2026-01-01T00:00:01Z")
            #expect(rows.first?["priority"]?.stringValue != nil, "priority is an int64 string")

            let one = try await api.send(.get, "/v1/images?query=Image%20Remote%3A%22berth-it%2Flist-\(seed)-1%22")
            #expect(one.json?["images"]?.arrayValue?.map { $0["id"]?.stringValue } == [digests[1]])
            let paged = try await api.send(.get, "/v1/images?pagination.limit=2&pagination.sortOption.field=Image&pagination.sortOption.reversed=true")
            #expect(paged.json?["images"]?.arrayValue?.map { $0["name"]?.stringValue } == ["\(repos[2]):1.0", "\(repos[1]):1.0"])
            let bad = try await api.send(.get, "/v1/images?query=Image%20CVE%20Count%3Aabc")
            #expect(bad.status == .badRequest)
            #expect(bad.message.contains("abc"))
            #expect(try await api.send(.get, "/v1/imagescount?query=Image%20Tag%3A1.0").json?["count"] == .number(3))

            // Export: one line per image.
            let export = try await api.send(.get, "/v1/export/images")
            let lines = export.text.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.allSatisfy { $0.hasPrefix(#"{"result":{"image":{"#) })

            // Delete: dry run by default, then for real.
            let dry = try await api.send(.delete, "/v1/images?query.query=Image%20Remote%3A%22berth-it%2Flist-\(seed)-0%22")
            #expect(dry.json?["numDeleted"] == .number(1))
            #expect(dry.json?["dryRun"] == .bool(true))
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(3))
            let real = try await api.send(.delete, "/v1/images?query.query=Image%20Remote%3A%22berth-it%2Flist-\(seed)-0%22&confirm=true")
            #expect(real.json?["dryRun"] == .bool(false))
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(2))
            #expect(try await api.send(.get, "/v1/images/\(digests[0])").status == .notFound)
            #expect(try await api.send(.delete, "/v1/images").status == .badRequest, "a scoping query is required")

            // Watched images.
            let watch = try await api.send(.post, "/v1/watchedimages", json: #"{"name":"\#(repos[1]):1.0"}"#)
            #expect(watch.json?["errorType"]?.stringValue == "NO_ERROR", "\(watch.text)")
            #expect(watch.json?["normalizedName"]?.stringValue == "\(repos[1]):1.0")
            let digestName = try await api.send(.post, "/v1/watchedimages", json: #"{"name":"\#(repos[1])@\#(digests[1])"}"#)
            #expect(digestName.status == .ok)
            #expect(digestName.json?["errorType"]?.stringValue == "INVALID_IMAGE_NAME")
            #expect(digestName.json?["errorMessage"]?.stringValue?.contains("contains a digest") == true)
            let empty = try await api.send(.post, "/v1/watchedimages", json: #"{"name":""}"#)
            #expect(empty.json?["errorMessage"]?.stringValue == "no image name specified")
            let failed = try await api.send(.post, "/v1/watchedimages", json: #"{"name":"\#(registry)/berth-it/nope-\#(seed):1"}"#)
            #expect(failed.json?["errorType"]?.stringValue == "SCAN_FAILED")
            let watched = try await api.send(.get, "/v1/watchedimages")
            #expect(watched.json?["watchedImages"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["\(repos[1]):1.0"])
            #expect(try await test.server.images.rescanWatched() == 0)
            #expect(try await api.send(.delete, "/v1/watchedimages?name=\(repos[1]):1.0").status == .ok)
            #expect(try await api.send(.get, "/v1/watchedimages").json?["watchedImages"]?.arrayValue?.isEmpty == true)
            #expect(try await api.send(.get, "/v1/images/cache/invalidate").text == "{}")
        }
    }
}

/// Faults injected between Berth and a real registry: each gives a clear error and stores nothing.
@Suite("Registry faults", .enabled(if: Peers.registriesAvailable))
struct RegistryFaultTests {
    @Test(arguments: [
        ("error500", "answered HTTP 500", 503),
        ("corrupt-blob", "digest mismatch", 400),
        ("truncate-blob", "closed before a full response", 503),
    ])
    func faultStoresNothing(mode: String, message: String, status: Int) async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/berth-it/fault-\(seed):1.0")
        let fault = try FaultRegistry(upstream: registry, mode: mode)
        defer { fault.stop() }
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: ImageServicePeerTests.integration(fault.address, name: "faulty")).status == .ok)
            let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(fault.address)/berth-it/fault-\#(seed):1.0"}"#)
            #expect(Int(reply.status.code) == status, "\(mode): \(reply.text)")
            #expect(reply.message.contains(message), "\(mode): \(reply.message)")
            #expect(try await api.send(.get, "/v1/imagescount").json?["count"] == .number(0), "\(mode) stored an image")
        }
    }

    @Test func transient500sAreRetried() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/berth-it/flaky-\(seed):1.0")
        let fault = try FaultRegistry(upstream: registry, mode: "flaky500")
        defer { fault.stop() }
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: ImageServicePeerTests.integration(fault.address, name: "flaky")).status == .ok)
            let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(fault.address)/berth-it/flaky-\#(seed):1.0"}"#)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json?["id"]?.stringValue == layout.amd64)
        }
    }
}
