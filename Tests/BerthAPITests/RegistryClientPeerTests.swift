import BerthRegistry
import BerthServices
import Foundation
import Testing

/// The registry engine's listing and streaming calls against the real CNCF registry, and
/// credentials from a docker `config.json`.
@Suite("Registry client against a real registry", .enabled(if: Peers.registriesAvailable))
struct RegistryClientPeerTests {
    static func client(_ address: String, credentials: RegistryCredentials = .anonymous) throws -> RegistryClient {
        RegistryClient(endpoint: try RegistryEndpoint.parse(address, insecure: true), credentials: credentials)
    }

    @Test func tagsAndCatalogFollowLinkPagination() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        let repository = "berth-it/tags-\(seed)"
        let tags = ["a", "b", "c", "d", "e"]
        for tag in tags { try TestImages.push(layout, ref: "1.0", to: "\(registry)/\(repository):\(tag)") }

        let client = try Self.client(registry)
        #expect(try await client.tags(repository: repository, pageSize: 2).sorted() == tags, "three pages of at most two")
        #expect(try await client.tags(repository: repository).sorted() == tags)
        let catalog = try await client.catalog(pageSize: 3)
        #expect(catalog.contains(repository))
        #expect(Set(catalog).count == catalog.count, "no repository repeated across pages")
    }

    @Test func blobStreamsAreVerifiedWhileRead() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        let repository = "berth-it/blob-\(seed)"
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/\(repository):1.0")
        let manifest = try await Self.client(registry).manifest(repository: repository, reference: "1.0").decodeManifest()
        let layer = try #require(manifest.layers.first)

        var bytes = 0
        for try await chunk in try await Self.client(registry).blobStream(repository: repository, digest: layer.digest) {
            bytes += chunk.readableBytes
        }
        #expect(Int64(bytes) == layer.size)

        for (mode, expected) in [("corrupt-blob", "digest mismatch"), ("truncate-blob", "blob")] {
            let fault = try FaultRegistry(upstream: registry, mode: mode)
            defer { fault.stop() }
            let stream = try await Self.client(fault.address).blobStream(repository: repository, digest: layer.digest)
            do {
                for try await _ in stream {}
                Issue.record("\(mode): the stream ended without an error")
            } catch {
                #expect(error is RegistryError, "\(mode): \(error)")
                #expect(String(describing: error).contains(expected), "\(mode): \(error)")
            }
        }
    }

    @Test func credentialsComeFromARegistryAuthFile() async throws {
        let basic = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(basic)/berth-it/authfile-\(seed):1.0", credentials: "\(user):\(password)")

        let auth = Data("\(user):\(password)".utf8).base64EncodedString()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("auth-\(seed).json")
        try Data(#"{"auths":{"\#(basic)":{"auth":"\#(auth)"}}}"#.utf8).write(to: path)
        let authFile = try RegistryAuthFile.load(path: path.path)

        let test = try await TestServer.make { $0.images.authFile = authFile }
        try await test.withClient { api in
            let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(basic)/berth-it/authfile-\#(seed):1.0"}"#)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json?["id"]?.stringValue == layout.amd64)
            #expect(reply.json?["metadata"]?["dataSource"]?["name"]?.stringValue == "registry auth file")
            #expect(!reply.text.contains(password), "the password never appears in a response")
        }
        // Without the file the same scan is refused by the registry.
        let bare = try await TestServer.make()
        try await bare.withClient { api in
            let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(basic)/berth-it/authfile-\#(seed):1.0"}"#)
            #expect(reply.status != .ok)
            #expect(reply.message.contains("unauthorized"), "\(reply.message)")
        }
    }
}
