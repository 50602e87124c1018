import BerthHTTP
import BerthModel
import Foundation
import Hummingbird
import Testing

@Suite("Authentication, roles and system routes")
struct AuthAndSystemTests {
    @Test func tokensAndRoles() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            let missing = try await api.send(.get, "/v1/imageintegrations", noAuth: true)
            #expect(missing.status == .unauthorized)
            #expect(missing.json?["code"] == .number(16))
            #expect(missing.message.contains("credentials not found"))
            let wrong = try await api.send(.get, "/v1/imageintegrations", token: "berth_not-a-token")
            #expect(wrong.status == .unauthorized)
            let scheme = try await api.send(.get, "/v1/imageintegrations", noAuth: true, headers: [.authorization: "Basic YTpi"])
            #expect(scheme.status == .unauthorized)

            #expect(try await api.send(.get, "/v1/imageintegrations", token: test.analystToken).status == .ok)
            let denied = try await api.send(.post, "/v1/imageintegrations", json: "{}", token: test.analystToken)
            #expect(denied.status == .forbidden)
            #expect(denied.json?["code"] == .number(7))
            #expect(denied.message.contains("not authorized: \"READ_WRITE_ACCESS\" for \"Integration\""))
            #expect(try await api.send(.get, "/v1/imageintegrations", token: test.ciToken).status == .forbidden)
            #expect(try await api.send(.delete, "/v1/imageintegrations/x", token: test.ciToken).status == .forbidden)

            let unknown = try await api.send(.get, "/v1/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.json?["code"] == .number(5))
        }
    }

    @Test func publicRoutesAndMetrics() async throws {
        let test = try await TestServer.make()
        try await test.withClient { api in
            #expect(try await api.send(.get, "/healthz", noAuth: true).text == "ok\n")
            #expect(try await api.send(.get, "/readyz", noAuth: true).status == .ok)
            _ = try await api.send(.get, "/v1/imageintegrations")
            _ = try await api.send(.get, "/v1/imageintegrations/does-not-exist")
            let metrics = try await api.send(.get, "/metrics", noAuth: true).text
            #expect(metrics.contains(#"berth_http_requests_total{method="GET",route="/v1/imageintegrations",status="200"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"berth_http_requests_total{method="GET",route="/v1/imageintegrations/{id}",status="404"} 1"#))
            #expect(metrics.contains("berth_http_request_duration_seconds_bucket"))
        }
    }

    /// The OpenAPI document and the router must list the same operations.
    @Test func openAPIDocumentMatchesTheRouter() async throws {
        let test = try await TestServer.make()
        let (router, catalog) = test.server.makeRouter()
        let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set(catalog.operations.map { "\($0.method.rawValue) \(Self.describeRouterPath($0.routerPath))" })
        #expect(routed == documented)
        #expect(routed.count >= 12)

        try await test.withClient { api in
            let reply = try await api.send(.get, "/openapi.json", noAuth: true)
            let paths = try #require(reply.json?["paths"]?.objectValue)
            var served: Set<String> = []
            for (path, item) in paths {
                for method in item.objectValue?.keys ?? [:].keys {
                    served.insert("\(method.uppercased()) \(path)")
                }
            }
            #expect(served == Set(catalog.operations.map { "\($0.method.rawValue) \($0.path)" }))
            #expect(reply.json?["openapi"]?.stringValue == "3.0.3")
            // Every $ref resolves.
            let schemas = try #require(reply.json?["components"]?["schemas"]?.objectValue)
            for ref in Self.refs(in: try #require(reply.json)) {
                #expect(schemas[String(ref.dropFirst("#/components/schemas/".count))] != nil, "dangling \(ref)")
            }
        }
    }

    /// Hummingbird describes `:id` as `{id}`.
    static func describeRouterPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    static func refs(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            return (object["$ref"]?.stringValue.map { [$0] } ?? []) + object.values.flatMap(refs)
        case .array(let array):
            return array.flatMap(refs)
        default:
            return []
        }
    }
}
