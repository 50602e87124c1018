import BerthModel
import Foundation
import Testing

/// The import controller of a real `berth serve`: a stream created with a DockerImage tag is
/// imported without anyone posting an ImageStreamImport, and a scheduled tag whose upstream
/// digest changes gains a second history event.
@Suite(.enabled(if: Peers.registriesAvailable))
struct OpenShiftScheduledImportTests {
    @Test func theControllerImportsNewTagsAndReimportsScheduledOnes() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let repository = "\(registry)/sched-\(seed)/app"
        let first = try await TestProcess.offPool { try TestImages.makeLayout(seed: "sched-a-\(seed)") }
        let second = try await TestProcess.offPool { try TestImages.makeLayout(seed: "sched-b-\(seed)") }
        try await TestProcess.offPool { try TestImages.push(first, ref: "1.0", to: "\(repository):latest") }

        let server = try ServerProcess(arguments: ["--allow-loopback-endpoints", "--import-check-interval", "0.5", "--scheduled-import-interval", "2"])
        try await server.start()
        defer { Task { await server.stop() } }
        let token = try server.adminToken
        let base = "\(server.baseURL)/apis/image.openshift.io/v1/namespaces/sched/imagestreams"
        let body = #"{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},"spec":{"tags":[{"name":"latest","from":{"kind":"DockerImage","name":"\#(repository):latest"},"importPolicy":{"scheduled":true}}]}}"#
        let created = try await TestHTTP.send(.POST, base, token: token, json: body)
        #expect(created.status == 201, "\(created.text)")

        func history() async throws -> [String] {
            let reply = try await TestHTTP.get("\(base)/app", token: token)
            let stream = try JSONDecoder().decode(JSONValue.self, from: reply.body)
            let tags = stream["status"]?["tags"]?.arrayValue ?? []
            let latest = tags.first { $0["tag"]?.stringValue == "latest" }
            return (latest?["items"]?.arrayValue ?? []).compactMap { $0["image"]?.stringValue }
        }
        func waitFor(_ count: Int) async throws -> [String] {
            let deadline = ContinuousClock.now + .seconds(60)
            var seen: [String] = []
            while ContinuousClock.now < deadline {
                seen = try await history()
                if seen.count >= count { return seen }
                try await Task.sleep(for: .milliseconds(250))
            }
            return seen
        }

        let imported = try await waitFor(1)
        #expect(imported == [first.amd64], "the controller imported the new tag on its own")

        try await TestProcess.offPool { try TestImages.push(second, ref: "1.0", to: "\(repository):latest") }
        let reimported = try await waitFor(2)
        #expect(reimported == [second.amd64, first.amd64], "the changed digest is a new event, newest first")
        // The re-imported image is in the one catalogue.
        let image = try await TestHTTP.get("\(server.baseURL)/v1/images/\(second.amd64)", token: token)
        #expect(image.status == 200, "\(image.text)")

        // Unchanged upstream: later scheduled passes add nothing.
        try await Task.sleep(for: .seconds(5))
        #expect(try await history() == [second.amd64, first.amd64])
    }
}
