import Testing
import BerthHTTP
import BerthServer
import BerthServices
import BerthStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A Berth server in this process, on a fresh data directory, with one token per role.
struct TestServer {
    let server: BerthServer
    let directory: URL
    let adminToken: String
    let analystToken: String
    let ciToken: String

    static func make(
        allowLoopback: Bool = true, egress: Set<String>? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-test-\(UUID().uuidString)")
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory.path
        configuration.allowLoopbackEndpoints = allowLoopback
        configuration.egressAllowList = egress
        configuration.database = try TestDatabase.url(for: directory)
        configure(&configuration)
        let server = try await BerthServer(configuration: configuration)
        let path = try #require(try await server.prepare())
        let admin = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return TestServer(
            server: server, directory: directory, adminToken: admin,
            analystToken: try await server.tokens.create(name: "analyst", role: .analyst),
            ciToken: try await server.tokens.create(name: "ci", role: .ci)
        )
    }

    /// Whether `secret` sits in plain text in this server's database, on either backend.
    func storeContains(_ secret: String) throws -> Bool {
        try TestDatabase.contains(secret, dataDirectory: directory, url: server.configuration.database)
    }

    /// Runs `body` with a client for the in-process router.
    func withClient(_ body: @Sendable (TestAPIClient) async throws -> Void) async throws {
        let (router, _) = server.makeRouter()
        let app = Application(router: router)
        let admin = adminToken
        let runner = server.runner
        let jobs = Task { try await runner.run() }
        defer { jobs.cancel() }
        try await app.test(.router) { client in
            try await body(TestAPIClient(client: client, token: admin))
        }
    }
}


extension TestServer {
    /// Drives a router with no job runner, so queued jobs stay queued.
    static func withoutJobs<T: Sendable>(router: Router<BerthRequestContext>, token: String, _ body: @Sendable (TestAPIClient) async throws -> T) async throws -> T {
        let app = Application(router: router)
        let result = Mutex<T?>(nil)
        try await app.test(.router) { client in
            let value = try await body(TestAPIClient(client: client, token: token))
            result.withLock { $0 = value }
        }
        return try #require(result.withLock { $0 })
    }
}
