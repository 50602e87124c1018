import Foundation
import Testing

/// Image-integration tests against the real CNCF registries that `scripts/test.sh` starts.
@Suite("Image integrations against real registries", .enabled(if: Peers.registriesAvailable))
struct RegistryPeerTests {
    func docker(_ endpoint: String, user: String = "", password: String = "", name: String = "reg", skip: Bool = false) -> String {
        #"{"name":"\#(name)","type":"docker","categories":["REGISTRY"],"skipTestIntegration":\#(skip),"docker":{"endpoint":"\#(endpoint)","username":"\#(user)","password":"\#(password)","insecure":true}}"#
    }

    @Test func testEndpointTellsOkUnauthorizedAndUnreachableApart() async throws {
        let open = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let basic = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let test = try await TestServer.make()
        try await test.withClient { api in
            let ok = try await api.send(.post, "/v1/imageintegrations/test", json: docker(open))
            #expect(ok.status == .ok, "\(ok.text)")
            #expect(ok.text == "{}")

            let authed = try await api.send(.post, "/v1/imageintegrations/test", json: docker(basic, user: user, password: password))
            #expect(authed.status == .ok, "\(authed.text)")

            let wrong = try await api.send(.post, "/v1/imageintegrations/test", json: docker(basic, user: user, password: "wrong-\(password)"))
            #expect(wrong.status == .badRequest)
            #expect(wrong.message.contains("registry integration: registry unauthorized"), "\(wrong.message)")
            #expect(!wrong.message.contains(password), "no secret in an error message")

            let anonymous = try await api.send(.post, "/v1/imageintegrations/test", json: docker(basic))
            #expect(anonymous.message.contains("requires credentials"))

            let unreachable = try await api.send(.post, "/v1/imageintegrations/test", json: docker("127.0.0.1:1"))
            #expect(unreachable.status == .badRequest)
            #expect(unreachable.message.contains("registry unreachable: http://127.0.0.1:1/v2/"), "\(unreachable.message)")

            // Creating runs the same test unless skipTestIntegration.
            let refused = try await api.send(.post, "/v1/imageintegrations", json: docker(basic, user: user, password: "nope"))
            #expect(refused.status == .badRequest)
            let list = try await api.send(.get, "/v1/imageintegrations?name=reg")
            #expect(list.json?["integrations"]?.arrayValue?.isEmpty == true, "a failed create stores nothing")
        }
    }

    @Test(.enabled(if: Peers.tokenRegistry != nil || Peers.required))
    func bearerTokenRegistry() async throws {
        let registry = try Peers.value(Peers.tokenRegistry, "BERTH_TEST_TOKEN_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let test = try await TestServer.make()
        try await test.withClient { api in
            let ok = try await api.send(.post, "/v1/imageintegrations/test", json: docker(registry, user: user, password: password))
            #expect(ok.status == .ok, "\(ok.text)")
            let wrong = try await api.send(.post, "/v1/imageintegrations/test", json: docker(registry, user: user, password: "bad"))
            #expect(wrong.status == .badRequest)
            #expect(wrong.message.contains("token service rejected"), "\(wrong.message)")
        }
    }

    /// The issue's "done when": a PATCH with updatePassword=false keeps the integration working.
    @Test func patchWithoutPasswordKeepsWorkingAgainstHtpasswdRegistry() async throws {
        let basic = try Peers.value(Peers.basicRegistry, "BERTH_TEST_BASIC_REGISTRY")
        let user = try Peers.value(Peers.user, "BERTH_TEST_REGISTRY_USER")
        let password = try Peers.value(Peers.password, "BERTH_TEST_REGISTRY_PASSWORD")
        let test = try await TestServer.make()
        try await test.withClient { api in
            let created = try await api.send(.post, "/v1/imageintegrations", json: docker(basic, user: user, password: password))
            #expect(created.status == .ok, "\(created.text)")
            #expect(!created.text.contains(password))
            let id = try #require(created.json?["id"]?.stringValue)
            let masked = #"{"id":"\#(id)","name":"reg renamed","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"\#(basic)","username":"\#(user)","password":"******","insecure":true}}"#
            // Not skipping the test: the PATCH itself contacts the registry with the stored password.
            let patched = try await api.send(.patch, "/v1/imageintegrations/\(id)", json: #"{"config":\#(masked),"updatePassword":false}"#)
            #expect(patched.status == .ok, "\(patched.text)")
            let tested = try await api.send(.post, "/v1/imageintegrations/test/updated", json: #"{"config":\#(masked),"updatePassword":false}"#)
            #expect(tested.status == .ok, "\(tested.text)")
            // With updatePassword=true the mask is taken literally, and the registry refuses it.
            let literal = try await api.send(.post, "/v1/imageintegrations/test/updated", json: #"{"config":\#(masked),"updatePassword":true}"#)
            #expect(literal.status == .badRequest)
            #expect(literal.message.contains("unauthorized"))
            let all = try await api.send(.get, "/v1/imageintegrations/\(id)")
            #expect(all.json?["name"]?.stringValue == "reg renamed")
            #expect(!all.text.contains(password))
        }
        #expect(try !test.storeContains(password), "plaintext password in the database")
    }
}
