import Foundation
import Synchronization
import Testing

/// `berth serve` as a process: first start, signals, crash durability, the token command.
@Suite("berth serve as a process", .serialized)
struct ServerProcessTests {
    @Test func firstStartWritesAPrivateAdminTokenAndPrintsOnlyItsPath() async throws {
        let server = try ServerProcess()
        try await server.start()
        defer { Task { await server.stop() } }
        let token = try server.adminToken
        #expect(token.hasPrefix("berth_"))
        let attributes = try FileManager.default.attributesOfItem(atPath: server.dataDirectory.appendingPathComponent("admin.token").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let printed = server.stdout()
        #expect(printed.contains("admin.token"))
        #expect(!printed.contains(token), "the token itself is never printed")

        let list = try await TestHTTP.get("\(server.baseURL)/v1/imageintegrations", token: token)
        #expect(list.status == 200)
        #expect(try await TestHTTP.get("\(server.baseURL)/v1/imageintegrations").status == 401)

        // A token made by the CLI beside the running server works at once.
        let made = try server.command(["token", "create", "--name", "pipeline", "--role", "ci"])
        #expect(made.status == 0, "\(made.output)")
        let ciToken = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await TestHTTP.get("\(server.baseURL)/v1/imageintegrations", token: ciToken).status == 403, "ci may not read integrations")
        let bad = try server.command(["token", "create", "--name", "x", "--role", "root"])
        #expect(bad.status != 0)
        #expect(bad.output.contains("unknown role root"))

        await server.stop()
        let status = await server.waitForExit(timeout: .seconds(10))
        #expect(status == 0, "SIGTERM is a graceful stop")
    }

    @Test func everyAcknowledgedWriteSurvivesSIGKILL() async throws {
        let server = try ServerProcess()
        try await server.start()
        let token = try server.adminToken
        let base = server.baseURL
        let count = Tally()
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var names: [String] = []
                    for i in 0..<10_000 {
                        let name = "burst-\(writer)-\(i)"
                        let body = #"{"name":"\#(name)","type":"docker","categories":["REGISTRY"],"skipTestIntegration":true,"docker":{"endpoint":"r.example.com","username":"u","password":"p"}}"#
                        let reply = try await TestHTTP.send(.POST, "\(base)/v1/imageintegrations", token: token, json: body)
                        guard reply.status == 200 else { break }
                        names.append(name)
                        count.add()
                    }
                    return names
                }
            }
            // Mid-burst: once a few dozen writes are acknowledged (however fast this backend
            // and machine are), and at most after 20 s.
            let deadline = ContinuousClock.now + .seconds(20)
            while count.value < 40, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            server.signal(SIGKILL)
            var all: [String] = []
            for try await names in group { all += names }
            return all
        }
        #expect(acknowledged.count > 10, "the burst wrote something before the kill")
        _ = await server.waitForExit(timeout: .seconds(10))

        let restarted = try ServerProcess(dataDirectory: server.dataDirectory)
        try await restarted.start()
        defer { Task { await restarted.stop() } }
        let list = try await TestHTTP.get("\(restarted.baseURL)/v1/imageintegrations", token: token)
        let stored = Set(try JSONDecoder().decode(IntegrationNames.self, from: list.body).integrations.map(\.name))
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.prefix(5))")
        await restarted.stop()
    }

    struct IntegrationNames: Decodable {
        struct Item: Decodable { var name: String }
        var integrations: [Item]
    }
}

/// Acknowledged writes so far, shared by the writer tasks.
final class Tally: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
