import BerthModel
import Foundation
import Testing

/// Cycle imports against the real htpasswd registry: a docker-registry source with
/// credentials, an oci-registry source whose credentials come from a webhook, per-image
/// target overrides, refused credentials and origins Berth cannot import.
@Suite(.enabled(if: Peers.registriesAvailable))
struct CycleImportPeerTests {
    static let hub = CycleClient.hexID(0xC7)

    /// The webhook fixture on a free port; the process is the caller's to terminate.
    static func webhook(user: String, token: String) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestImages.fixtures.appendingPathComponent("credential_webhook.py").path, user, token]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw TestHTTP.Failure(message: "the webhook fixture did not print its port")
        }
        return (process, port)
    }

    @Test func registryOriginsImportIntoTheOneCatalogue() async throws {
        let registry = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let first = try await TestProcess.offPool { try TestImages.makeLayout(seed: "cyc-a-\(seed)") }
        let second = try await TestProcess.offPool { try TestImages.makeLayout(seed: "cyc-b-\(seed)") }
        let repository = "cyc-\(seed)/app"
        try await TestProcess.offPool {
            try TestImages.push(first, ref: "1.0", to: "\(registry)/\(repository):1.0", credentials: "\(user):\(password)")
            try TestImages.push(second, ref: "1.0", to: "\(registry)/\(repository):2.0", credentials: "\(user):\(password)")
        }
        let (webhook, webhookPort) = try await TestProcess.offPool { try Self.webhook(user: user, token: password) }
        // SIGKILL: children of the test runner inherit a mask that blocks SIGTERM.
        defer { kill(webhook.processIdentifier, SIGKILL) }

        let server = try await TestServer.make()
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            func importImage(_ body: String) async throws -> (image: JSONValue, job: JSONValue) {
                let created = try await cycle.send(.post, "/v1/images", json: body)
                #expect(created.status == .created, "\(created.text)")
                let id = try #require(created.json?["data"]?["id"]?.stringValue)
                #expect(created.json?["data"]?["state"]?["current"]?.stringValue == "new")
                let task = try await cycle.send(.post, "/v1/images/\(id)/tasks", json: #"{"action":"import"}"#)
                #expect(task.status == .ok, "\(task.text)")
                #expect(task.json?["data"]?["action"]?.stringValue == "import")
                #expect(task.json?["data"]?["job"]?["tasks"]?.arrayValue?.first?["header"]?.stringValue == "image.import")
                let job = try await cycle.follow(job: try #require(task.json?["data"]?["job"]?["id"]?.stringValue))
                return (created.json?["data"] ?? .null, job)
            }

            // docker-registry with flat username/password, the target without the host.
            let source = try await cycle.create(#"{"type":"direct","name":"private app","origin":{"type":"docker-registry","details":{"url":"http://\#(registry)","target":"\#(repository):1.0","username":"\#(user)","password":"\#(password)"}}}"#)
            let (_, job) = try await importImage(#"{"source_id":"\#(source)"}"#)
            #expect(job["state"]?["current"]?.stringValue == "completed", "\(job)")
            let counted = try await cycle.send(.get, "/v1/images/sources/\(source)?meta=images_count")
            #expect(counted.json?["data"]?["meta"]?["images_count"]?["total"]?.doubleValue == 1)
            #expect(counted.json?["data"]?["meta"]?["images_count"]?["state"]?["live"]?.doubleValue == 1)
            let rox = try await api.send(.get, "/v1/images/\(first.amd64)")
            #expect(rox.status == .ok, "the imported image is the StackRox image with that digest: \(rox.text)")
            #expect(rox.json?["name"]?["fullName"]?.stringValue == "\(registry)/\(repository):1.0")

            // A rename keeps the stored password; a per-image override picks another tag.
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(source)", json: #"{"name":"renamed app"}"#).status == .ok)
            let (_, overridden) = try await importImage(#"{"source_id":"\#(source)","override":{"target":"\#(registry)/\#(repository):2.0"}}"#)
            #expect(overridden["state"]?["current"]?.stringValue == "completed", "\(overridden)")
            #expect(try await api.send(.get, "/v1/images/\(second.amd64)").status == .ok)

            // Pointing the source elsewhere (another host spelling) drops the stored password:
            // it must never follow a changed destination. An explicit null removes it too.
            let moved = try await cycle.create(#"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"\#(registry)","target":"\#(repository):1.0","username":"\#(user)","password":"\#(password)"}}}"#)
            let port = registry.split(separator: ":").last.map(String.init) ?? "5001"
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(moved)", json: #"{"origin":{"type":"docker-registry","details":{"url":"localhost:\#(port)","target":"\#(repository):1.0","username":"\#(user)"}}}"#).status == .ok)
            let (_, movedJob) = try await importImage(#"{"source_id":"\#(moved)"}"#)
            #expect(movedJob["state"]?["current"]?.stringValue == "error", "the old password did not follow the new url: \(movedJob)")
            let cleared = try await cycle.create(#"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"\#(registry)","target":"\#(repository):1.0","username":"\#(user)","password":"\#(password)"}}}"#)
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(cleared)", json: #"{"origin":{"type":"docker-registry","details":{"url":"\#(registry)","target":"\#(repository):1.0","username":"\#(user)","password":null}}}"#).status == .ok)
            let (_, clearedJob) = try await importImage(#"{"source_id":"\#(cleared)"}"#)
            #expect(clearedJob["state"]?["current"]?.stringValue == "error", "a null password removes the stored one: \(clearedJob)")

            // oci-registry whose credentials come from a webhook.
            let hooked = try await cycle.create(#"{"type":"direct","origin":{"type":"oci-registry","details":{"url":"\#(registry)","target":"\#(registry)/\#(repository):1.0","auth":{"type":"webhook","details":{"url":"http://127.0.0.1:\#(webhookPort)/creds"}}}}}"#)
            let (_, hookJob) = try await importImage(#"{"source_id":"\#(hooked)"}"#)
            #expect(hookJob["state"]?["current"]?.stringValue == "completed", "\(hookJob)")

            // Refused credentials: the job fails, the image keeps the reason, nothing is imported.
            let wrong = try await cycle.create(#"{"type":"direct","origin":{"type":"oci-registry","details":{"url":"\#(registry)","target":"\#(repository):1.0","auth":{"type":"user","details":{"username":"\#(user)","token":"not-the-password"}}}}}"#)
            let (_, refused) = try await importImage(#"{"source_id":"\#(wrong)"}"#)
            #expect(refused["state"]?["current"]?.stringValue == "error")
            #expect(refused["state"]?["error"]?["message"]?.stringValue?.contains("refused the credentials") == true, "\(refused)")
            let wrongCount = try await cycle.send(.get, "/v1/images/sources/\(wrong)?meta=images_count")
            #expect(wrongCount.json?["data"]?["meta"]?["images_count"]?["state"]?["new"]?.doubleValue == 1)
            #expect(wrongCount.json?["data"]?["meta"]?["images_count"]?["state"]?["live"]?.doubleValue == 0)

            // Origins that need a build say so.
            let built = try await cycle.create(#"{"type":"direct","origin":{"type":"docker-file","details":{"targz_url":"https://example.com/app.tgz"}}}"#)
            let (_, buildJob) = try await importImage(#"{"source_id":"\#(built)"}"#)
            #expect(buildJob["state"]?["current"]?.stringValue == "error")
            #expect(buildJob["state"]?["error"]?["message"]?.stringValue?.contains("does not build") == true, "\(buildJob)")

            // A missing image or source is Cycle's 404.
            let missing = try await cycle.send(.post, "/v1/images/\(CycleClient.hexID(99))/tasks", json: #"{"action":"import"}"#)
            #expect(missing.json?["error"]?["code"]?.stringValue == "404.image")
            let noSource = try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(CycleClient.hexID(98))"}"#)
            #expect(noSource.json?["error"]?["code"]?.stringValue == "404.image.source")
        }
        #expect(try !server.storeContains(password), "the registry password is sealed at rest")
    }
}
