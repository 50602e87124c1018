import BerthModel
import BerthServices
import Foundation
import Testing

/// The StackRox ImageIntegrationService over REST, in process (no network peer needed: every
/// integration here skips its connectivity test; the peer tests contact real registries).
@Suite("StackRox image integrations")
struct ImageIntegrationAPITests {
    static let docker = #"{"name":"prod","type":"docker","categories":["REGISTRY"],"skipTestIntegration":true,"docker":{"endpoint":"registry.example.com","username":"bot","password":"pa55-Secret-zq","insecure":false}}"#

    @Test func createMasksSecretsEverywhereAndSealsThemAtRest() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            let created = try await api.send(.post, "/v1/imageintegrations", json: Self.docker)
            #expect(created.status == .ok, "\(created.text)")
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(!id.isEmpty)
            #expect(created.json?["docker"]?["password"]?.stringValue == "******")
            #expect(!created.text.contains("pa55-Secret-zq"))

            let one = try await api.send(.get, "/v1/imageintegrations/\(id)")
            #expect(one.status == .ok)
            #expect(one.json?["docker"]?["password"]?.stringValue == "******")
            #expect(one.json?["docker"]?["username"]?.stringValue == "bot")
            #expect(one.json?["source"] == .null, "unset messages are null, as protojson writes them")
            #expect(one.json?["quay"] == nil, "unset oneof members are omitted")

            let list = try await api.send(.get, "/v1/imageintegrations?name=prod")
            #expect(list.json?["integrations"]?.arrayValue?.count == 1)
            #expect(!list.text.contains("pa55-Secret-zq"))
            let all = try await api.send(.get, "/v1/imageintegrations")
            #expect((all.json?["integrations"]?.arrayValue?.count ?? 0) == 11, "10 defaults plus ours")
            let cluster = try await api.send(.get, "/v1/imageintegrations?cluster=anything")
            #expect(cluster.json?["integrations"]?.arrayValue?.isEmpty == true)
        }
        // Nowhere in the database, SQLite's WAL included.
        #expect(try !test.storeContains("pa55-Secret-zq"), "plaintext secret in the database")
    }

    @Test func validationErrorsNameTheProblem() async throws {
        let test = try await TestServer.make(allowLoopback: false)
        try await test.withClient { api in
            let empty = try await api.send(.post, "/v1/imageintegrations", json: #"{"name":"","categories":[]}"#)
            #expect(empty.status == .badRequest)
            #expect(empty.message == "Validation errors: [integrations require a category, name for integration is required]: invalid arguments")
            #expect(empty.json?["code"] == .number(3))
            #expect(empty.json?["error"] == empty.json?["message"])

            let cases: [(String, String)] = [
                (#"{"id":"x","name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"r.io"}}"#, "id field should be empty"),
                (#"{"name":"a","type":"scannerv4","categories":["SCANNER"],"scannerV4":{}}"#, "scanner V4 integration cannot be manually created"),
                (#"{"name":"a","type":"nope","categories":["REGISTRY"],"docker":{"endpoint":"r.io"}}"#, "unknown integration type \"nope\""),
                (#"{"name":"a","type":"docker","categories":["SCANNER"],"docker":{"endpoint":"r.io"},"skipTestIntegration":true}"#, "scanner with type \"docker\" does not exist"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"quay":{"endpoint":"r.io"},"skipTestIntegration":true}"#, "Docker configuration required"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"r.io:99999"},"skipTestIntegration":true}"#, "invalid port"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"127.0.0.1:5000"},"skipTestIntegration":true}"#, "endpoint cannot reference localhost"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"169.254.169.254"},"skipTestIntegration":true}"#, "cluster metadata service"),
                (#"{"name":"a","type":"quay","categories":["SCANNER"],"quay":{"endpoint":"quay.io","registryRobotCredentials":{"username":"u","password":"p"}},"skipTestIntegration":true}"#, "Quay scanner integration cannot use robot credentials"),
                (#"{"name":"a","type":"ecr","categories":["REGISTRY"],"ecr":{"region":"us-east-1"},"skipTestIntegration":true}"#, "Registry ID must be specified"),
                (#"{"name":"a","type":"ibm","categories":["REGISTRY"],"ibm":{"endpoint":"icr.io"},"skipTestIntegration":true}"#, "IAM API Key must be specified"),
                (#"{"name":"a","type":"google","categories":["REGISTRY"],"google":{"endpoint":"gcr.io"},"skipTestIntegration":true}"#, "Service account must be specified"),
                (#"{"name":"a","type":"clairify","categories":["SCANNER"],"clairify":{},"skipTestIntegration":true}"#, "endpoint parameter must be defined for Clairify"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"r.io","insecure":"yes"}}"#, "invalid value for field 'docker.insecure': expected a boolean"),
                (#"{"name":"a","type":"docker","categories":["WHATEVER"]}"#, "categories[0]"),
                (#"{"name":"a","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"r.io"},"quay":{}}"#, "only one configuration may be set"),
                (#"{"name": "a", "type": "docker",,}"#, "not valid JSON"),
                (#"[1,2]"#, "invalid"),
            ]
            for (body, expected) in cases {
                let reply = try await api.send(.post, "/v1/imageintegrations", json: body)
                #expect(reply.status == .badRequest, "\(body) → \(reply.status) \(reply.text)")
                #expect(reply.message.contains(expected), "\(body) → \(reply.message)")
            }
            let none = try await api.send(.post, "/v1/imageintegrations")
            #expect(none.status == .badRequest)
            #expect(none.message.contains("no body"))

            let huge = Data(("{\"name\":\"" + String(repeating: "x", count: 2 << 20) + "\"}").utf8)
            let oversize = try await api.send(.post, "/v1/imageintegrations", rawBody: huge)
            #expect(oversize.status == .badRequest)
            #expect(oversize.message.contains("larger than the limit"))

            let list = try await api.send(.get, "/v1/imageintegrations")
            #expect(list.json?["integrations"]?.arrayValue?.count == 10, "nothing was stored by a failed create")
        }
    }

    @Test func namesAreUniqueAndProtoNamesAreAccepted() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: Self.docker).status == .ok)
            let again = try await api.send(.post, "/v1/imageintegrations", json: Self.docker)
            #expect(again.status == .badRequest)
            #expect(again.message.contains("integration with name \"prod\" already exists"))
            let snake = #"{"name":"snake","type":"docker","categories":["REGISTRY"],"skip_test_integration":true,"docker":{"endpoint":"r.example.com"}}"#
            let reply = try await api.send(.post, "/v1/imageintegrations", json: snake)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json?["skipTestIntegration"] == .bool(true))
            // Keys whose next letter uppercases to several ("ß" → "SS", "ŉ" → "ʼN") once
            // crashed the server (schemathesis found it); they are unknown fields, not a trap.
            let odd = #"{"name":"odd","type":"docker","categories":["REGISTRY"],"skip_test_integration":true,"x_ß":1,"docker":{"endpoint":"r.example.com","y_ŉ":{"z_ﬀ":2}}}"#
            let survived = try await api.send(.post, "/v1/imageintegrations", json: odd)
            #expect(survived.status.code < 500, "\(survived.text)")
        }
    }

    @Test func patchReconcilesStoredCredentials() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            let created = try await api.send(.post, "/v1/imageintegrations", json: Self.docker)
            let id = try #require(created.json?["id"]?.stringValue)
            func patch(_ config: String, updatePassword: Bool) async throws -> TestAPIClient.Reply {
                try await api.send(.patch, "/v1/imageintegrations/\(id)", json: #"{"config":\#(config),"updatePassword":\#(updatePassword)}"#)
            }
            let renamed = #"{"id":"\#(id)","name":"prod (renamed)","type":"docker","categories":["REGISTRY"],"skipTestIntegration":true,"docker":{"endpoint":"registry.example.com","username":"bot","password":"******","insecure":true}}"#
            let ok = try await patch(renamed, updatePassword: false)
            #expect(ok.status == .ok, "\(ok.text)")
            #expect(ok.text == "{}")
            let stored = try await test.server.integrations.unsealedIntegrations().first { $0.id == id }
            guard case .docker(let config) = try #require(stored?.config) else { Issue.record("not docker"); return }
            #expect(config.password == "pa55-Secret-zq", "the stored password was kept")
            #expect(config.insecure)
            #expect(stored?.name == "prod (renamed)")

            let moved = renamed.replacingOccurrences(of: "registry.example.com", with: "evil.example.com")
            let refused = try await patch(moved, updatePassword: false)
            #expect(refused.status == .badRequest)
            #expect(refused.message == "credentials required to update field 'ImageIntegration.ImageIntegration_Docker.DockerConfig.Endpoint': invalid arguments")

            let unmasked = renamed.replacingOccurrences(of: "******", with: "new-password")
            let refused2 = try await patch(unmasked, updatePassword: false)
            #expect(refused2.message.contains("non-zero or unmasked credential field 'ImageIntegration.ImageIntegration_Docker.DockerConfig.Password'"))

            let quay = #"{"id":"\#(id)","name":"prod (renamed)","type":"quay","categories":["REGISTRY"],"skipTestIntegration":true,"quay":{"endpoint":"quay.io"}}"#
            let refused3 = try await patch(quay, updatePassword: false)
            #expect(refused3.message.contains("type not equal: 'ImageIntegration_Quay' != 'ImageIntegration_Docker'"))

            // None of the refused updates changed anything.
            let after = try await test.server.integrations.unsealedIntegrations().first { $0.id == id }
            #expect(after == stored)

            // updatePassword=true takes the new secret.
            let replaced = try await patch(unmasked, updatePassword: true)
            #expect(replaced.status == .ok)
            let final = try await test.server.integrations.unsealedIntegrations().first { $0.id == id }
            guard case .docker(let newConfig) = try #require(final?.config) else { return }
            #expect(newConfig.password == "new-password")

            let other = renamed.replacingOccurrences(of: "prod (renamed)", with: "another")
            let missing = try await api.send(.patch, "/v1/imageintegrations/0b7c6f4e-0000-4000-8000-000000000000", json: #"{"config":\#(other),"updatePassword":false}"#)
            #expect(missing.status == .notFound)
            #expect(missing.message.contains("not found"))
        }
    }

    @Test func putDeleteAndDefaults() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            let created = try await api.send(.post, "/v1/imageintegrations", json: Self.docker)
            let id = try #require(created.json?["id"]?.stringValue)
            let put = try await api.send(.put, "/v1/imageintegrations/\(id)", json: Self.docker.replacingOccurrences(of: "\"prod\"", with: "\"prod2\""))
            #expect(put.status == .ok, "\(put.text)")
            #expect(try await api.send(.get, "/v1/imageintegrations/\(id)").json?["name"]?.stringValue == "prod2")
            let unknown = try await api.send(.put, "/v1/imageintegrations/nope", json: Self.docker)
            #expect(unknown.status == .notFound)

            #expect(try await api.send(.delete, "/v1/imageintegrations/\(id)").status == .ok)
            let gone = try await api.send(.get, "/v1/imageintegrations/\(id)")
            #expect(gone.status == .notFound)
            #expect(gone.message == "image integration \(id) not found: not found")
            #expect(gone.json?["code"] == .number(5))
            #expect(try await api.send(.delete, "/v1/imageintegrations/\(id)").status == .ok, "deleting twice is fine")

            let hub = try await api.send(.get, "/v1/imageintegrations/10d3b4dc-8295-41bc-bb50-6da5484cdb1a")
            #expect(hub.json?["name"]?.stringValue == "Public DockerHub")
            #expect(hub.json?["docker"]?["password"]?.stringValue == "******", "empty secrets are masked too")
        }
    }

    @Test func testEndpointRefusesHostsOutsideTheEgressList() async throws {
        let test = try await TestServer.make(allowLoopback: true, egress: ["127.0.0.1"])
        try await test.withClient { api in
            let reply = try await api.send(
                .post, "/v1/imageintegrations/test",
                json: #"{"name":"x","type":"docker","categories":["REGISTRY"],"docker":{"endpoint":"registry.example.com"}}"#
            )
            #expect(reply.status == .badRequest)
            #expect(reply.message.contains("not in the hosts this server may contact"))
            let ecr = try await api.send(
                .post, "/v1/imageintegrations/test",
                json: #"{"name":"x","type":"ecr","categories":["REGISTRY"],"ecr":{"registryId":"1","region":"us-east-1","authorizationData":{"username":"AWS","password":"p","expiresAt":"2030-01-01T00:00:00Z"}}}"#
            )
            #expect(ecr.status == .badRequest)
            #expect(ecr.message.contains("1.dkr.ecr.us-east-1.amazonaws.com"), "\(ecr.message)")
            let keys = try await api.send(
                .post, "/v1/imageintegrations/test",
                json: #"{"name":"x","type":"ecr","categories":["REGISTRY"],"ecr":{"registryId":"1","region":"us-east-1","accessKeyId":"a","secretAccessKey":"b"}}"#
            )
            #expect(keys.status == .notImplemented)
            #expect(keys.message.contains("GetAuthorizationToken"))
        }
    }
}
