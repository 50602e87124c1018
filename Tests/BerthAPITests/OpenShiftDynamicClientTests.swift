import Foundation
import Testing

/// The Python `kubernetes` DynamicClient against a running server: pages with continue,
/// strategic merge patches, a 409 on a stale replace, a watch resumed from a list version,
/// pull secrets and imports from a registry behind basic auth.
@Suite("OpenShift image API with the Python DynamicClient", .serialized, .enabled(if: Peers.registriesAvailable && Peers.venvAvailable))
struct OpenShiftDynamicClientTests {
    @Test func theDynamicClientDrivesStreamsSecretsAndImports() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let basic = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER"), password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let venv = try Peers.value(Peers.venv, "BERTH_TEST_VENV")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try await TestProcess.offPool {
            let layout = try TestImages.makeLayout(seed: "py-\(seed)")
            try TestImages.push(layout, ref: "1.0", to: "\(registry)/py-\(seed)/open:v1")
            try TestImages.push(layout, ref: "1.0", to: "\(basic)/py-\(seed)/private:v1", credentials: "\(user):\(password)")
            return layout
        }
        let server = try ServerProcess(arguments: ["--allow-loopback-endpoints", "--import-check-interval", "600"])
        try await server.start()
        defer { Task { await server.stop() } }

        let script = TestImages.fixtures.appendingPathComponent("kube_dynamic_client.py").path
        let run = try await TestProcess.run(URL(fileURLWithPath: venv).appendingPathComponent("bin/python"), [
            script, server.baseURL, try server.adminToken, "\(registry)/py-\(seed)/open", "\(basic)/py-\(seed)/private", user, password,
        ])
        try #require(run.status == 0, "\(run.output)")
        let line = run.output.split(separator: "\n").last.map(String.init) ?? ""
        let out = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(run.output)")

        #expect(out["page1"] as? [String] == ["alpha", "beta"])
        #expect(out["continue"] as? Bool == true)
        #expect(out["page2"] as? [String] == ["gamma"])
        #expect(out["selected"] as? [String] == ["alpha", "beta", "gamma"])
        #expect(out["generation"] as? Int == 1)
        #expect(out["refEvent"] as? String == "\(registry)/py-\(seed)/open:v1", "a reference tag records its source at once")
        #expect(out["patchedTags"] as? [String] == ["extra", "ref"], "strategic merge patch merges tags by name")
        #expect(out["trackedEvent"] as? String == "\(registry)/py-\(seed)/open:v1", "an ImageStreamTag tag copies its source's event")
        #expect(out["patchedGeneration"] as? Int == 2)
        #expect(out["staleReplace"] as? Int == 409)
        let events = (out["events"] as? [[Any]])?.map { $0.map { "\($0)" }.joined(separator: " ") } ?? []
        #expect(events.contains("MODIFIED beta") && events.contains("DELETED gamma"), "\(events)")
        #expect(out["secretShown"] as? Bool == true, "an admin sees secret values")
        #expect(out["privateStatus"] as? String == "Success", "\(out)")
        #expect(out["privateTag"] as? String == layout.amd64)
        #expect(out["deniedReason"] as? String == "Unauthorized", "\(out)")
        #expect(out["deniedCondition"] as? String == "Unauthorized")
        let missing = out["missingTag"] as? [Any]
        #expect(missing?.first as? Int == 404 && missing?.last as? String == "NotFound", "\(String(describing: missing))")
        #expect(out["layers"] as? [String] == [layout.amd64])
        #expect(out["secretList"] as? [String] == ["pull"])

        // The secret is sealed at rest: the password is nowhere in the database.
        let auth = Data("\(user):\(password)".utf8).base64EncodedString()
        for secret in [password, auth] {
            #expect(try !TestDatabase.contains(secret, dataDirectory: server.dataDirectory, url: try server.database), "a pull secret in the database")
        }
    }
}
