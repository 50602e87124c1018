import Foundation
import Testing

/// `berth migrate`: a catalogue made on the SQLite default moves to PostgreSQL and a server
/// there serves it, sealed secrets included, with the same key file.
@Suite("berth migrate", .enabled(if: Peers.postgresAvailable && Peers.registriesAvailable),
        .disabled(if: TestDatabase.onPostgres, "runs servers on PostgreSQL itself: once per test run is enough"), .serialized)
struct MigrateCommandTests {
    @Test func aSQLiteCatalogueMovesToPostgreSQL() async throws {
        let registry = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("berth-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let sqlite = "sqlite:" + scratch.appendingPathComponent("old.sqlite").path
        let key = scratch.appendingPathComponent("secret.key").path
        let postgres = try TestDatabase.createPostgres("berth_migrate")

        // The old server: an integration with a password, and an image scanned through it.
        let seed = String(UUID().uuidString.prefix(8).lowercased())
        let layout = try TestImages.makeLayout(seed: seed, layers: 1)
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/migrate/app-\(seed):1.0", credentials: "\(user):\(password)")
        let old = try ServerProcess(arguments: ["--database", sqlite, "--secret-key-file", key, "--allow-loopback-endpoints"])
        try await old.start()
        let token = try old.adminToken
        let integration = ImageServicePeerTests.integration(registry, name: "migrated", user: user, password: password)
        #expect(try await TestHTTP.send(.POST, "\(old.baseURL)/v1/imageintegrations", token: token, json: integration).status == 200)
        let scan = try await TestHTTP.send(.POST, "\(old.baseURL)/v1/images/scan", token: token, json: #"{"imageName":"\#(registry)/migrate/app-\#(seed):1.0"}"#)
        #expect(scan.status == 200, "\(scan.text)")
        await old.stop()

        let binary = ServerProcess.binary
        let moved = try await TestProcess.run(binary, ["migrate", "--from", sqlite, "--to", postgres])
        #expect(moved.status == 0, "\(moved.output)")
        #expect(moved.stdout.contains("imageintegration"), "\(moved.stdout)")
        #expect(!moved.output.contains(password))
        // A second run finds the target full and leaves it be.
        let again = try await TestProcess.run(binary, ["migrate", "--from", sqlite, "--to", postgres])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds objects"), "\(again.output)")
        let missing = try await TestProcess.run(binary, ["migrate", "--from", "sqlite:/nonexistent/berth.sqlite", "--to", postgres])
        #expect(missing.status != 0)

        // The new server on PostgreSQL, same key: the old token works, the integration is
        // there (masked), the image is there, and the sealed password still opens: a fresh
        // scan through the integration reaches the basic-auth registry.
        let new = try ServerProcess(arguments: ["--database", postgres, "--secret-key-file", key, "--allow-loopback-endpoints"])
        try await new.start()
        defer { Task { await new.stop() } }
        let listed = try await TestHTTP.get("\(new.baseURL)/v1/imageintegrations", token: token)
        #expect(listed.text.contains("\"migrated\""), "\(listed.text)")
        #expect(!listed.text.contains(password))
        let image = try await TestHTTP.get("\(new.baseURL)/v1/images/\(layout.amd64)", token: token)
        #expect(image.status == 200, "\(image.text)")
        let rescan = try await TestHTTP.send(.POST, "\(new.baseURL)/v1/images/scan", token: token,
                                             json: #"{"imageName":"\#(registry)/migrate/app-\#(seed):1.0","force":true}"#)
        #expect(rescan.status == 200, "\(rescan.text)")
        #expect(try !TestDatabase.contains(password, dataDirectory: new.dataDirectory, url: postgres), "the password stays sealed in PostgreSQL")
    }
}
