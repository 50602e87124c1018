import Foundation
import Testing

/// Two `berth serve` processes on one PostgreSQL database: what one writes, the other
/// serves, secrets included (both use one key file).
@Suite("Replicas on one PostgreSQL", .enabled(if: Peers.postgresAvailable && Peers.registriesAvailable),
        .disabled(if: TestDatabase.onPostgres, "runs servers on PostgreSQL itself: once per test run is enough"), .serialized)
struct ReplicaTests {
    @Test func twoServersShareTokensIntegrationsAndImages() async throws {
        let url = try TestDatabase.createPostgres("berth_replicas")
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("berth-shared-\(UUID().uuidString).key").path
        let arguments = ["--database", url, "--secret-key-file", key, "--allow-loopback-endpoints"]

        let first = try ServerProcess(arguments: arguments)
        try await first.start()
        defer { Task { await first.stop() } }
        let second = try ServerProcess(arguments: arguments)
        try await second.start()
        defer { Task { await second.stop() } }
        let token = try first.adminToken
        #expect(!FileManager.default.fileExists(atPath: second.dataDirectory.appendingPathComponent("admin.token").path),
                "the second replica found the first one's token in the shared database")

        let registry = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try TestImages.makeLayout(seed: String(seed), layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/replica/app-\(seed):1.0", credentials: "\(user):\(password)")

        // An integration with a password, created through the first replica …
        let integration = ImageServicePeerTests.integration(registry, name: "shared", user: user, password: password)
        let post = try await TestHTTP.send(.POST, "\(first.baseURL)/v1/imageintegrations", token: token, json: integration)
        #expect(post.status == 200, "\(post.text)")
        // … is listed, masked, by the second, which unseals it to scan.
        let listed = try await TestHTTP.get("\(second.baseURL)/v1/imageintegrations", token: token)
        #expect(listed.text.contains("\"shared\""))
        #expect(!listed.text.contains(password))
        let scan = try await TestHTTP.send(.POST, "\(second.baseURL)/v1/images/scan", token: token, json: #"{"imageName":"\#(registry)/replica/app-\#(seed):1.0"}"#)
        #expect(scan.status == 200, "\(scan.text)")
        // The image the second stored is the first one's too.
        let fetched = try await TestHTTP.get("\(first.baseURL)/v1/images/\(layout.amd64)", token: token)
        #expect(fetched.status == 200, "\(fetched.text)")
        #expect(fetched.text.contains(layout.amd64))

        // A token made by the CLI against the database works on both replicas.
        let made = try first.command(["token", "create", "--name", "shared-ci", "--role", "ci", "--database", url])
        #expect(made.status == 0, "\(made.output)")
        let ci = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        for server in [first, second] {
            #expect(try await TestHTTP.get("\(server.baseURL)/v1/imagescount", token: ci).text == #"{"count":1}"#)
        }
    }
}
