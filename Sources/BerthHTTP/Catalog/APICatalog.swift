import BerthModel
import BerthServices
import Foundation
import Hummingbird
import Synchronization

/// Every route the server serves, with its OpenAPI description.
///
/// Dialects register routes only through ``register(_:on:handler:)``, which both adds the
/// route to the router (wrapped in its access check) and records it for `/openapi.json`.
public final class APICatalog: Sendable {
    private let state = Mutex<(operations: [APIOperation], schemas: [String: JSONValue])>(([], [:]))
    public let title: String
    public let version: String

    public init(title: String, version: String) {
        self.title = title
        self.version = version
    }

    public var operations: [APIOperation] { state.withLock { $0.operations } }

    /// Adds named schemas under `components/schemas`.
    public func addSchemas(_ schemas: [String: JSONValue]) {
        state.withLock { state in
            state.schemas.merge(schemas) { _, new in new }
        }
    }

    public func register(
        _ operation: APIOperation, on router: Router<BerthRequestContext>,
        handler: @escaping @Sendable (Request, BerthRequestContext) async throws -> Response
    ) {
        state.withLock { $0.operations.append(operation) }
        let access = operation.access, scope = operation.scope
        router.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
            if let access {
                guard let principal = context.principal else {
                    throw BerthError(.unauthenticated, "credentials not found: send the header 'Authorization: Bearer <token>'")
                }
                try Self.check(principal, access: access, scope: scope, context: context)
            }
            return try await handler(request, context)
        }
    }

    static func check(_ principal: Principal, access: Access, scope: AccessScope, context: BerthRequestContext) throws {
        // Hub routes check capabilities per hub in their dialect; the role does not apply.
        if scope == .hub { return }
        guard principal.allows(access) else {
            throw BerthError(.permissionDenied, "not authorized: \(access): the \(principal.role.rawValue) role of \"\(principal.name)\" does not allow it")
        }
        guard let namespaces = principal.namespaces else { return }
        let limit = "the token \"\(principal.name)\" is limited to the namespaces \(namespaces.sorted().joined(separator: ", "))"
        switch scope {
        case .global:
            throw BerthError(.permissionDenied, "not authorized: \(limit); this route reaches beyond a namespace")
        case .namespace:
            let namespace = context.optionalPathParameter("namespace") ?? ""
            guard principal.mayUse(namespace: namespace) else {
                throw BerthError(.permissionDenied, "not authorized: \(limit), not \"\(namespace)\"")
            }
        case .metadata, .hub:
            return
        }
    }

    /// The OpenAPI 3.0 document of every registered operation.
    public func document() -> JSONValue {
        let (operations, schemas) = state.withLock { ($0.operations, $0.schemas) }
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            var entry: [String: JSONValue] = [
                "operationId": .string(operation.operationId),
                "summary": .string(operation.summary),
                "tags": .array([.string(operation.tag)]),
            ]
            if operation.access == nil { entry["security"] = .array([]) }
            if !operation.parameters.isEmpty {
                entry["parameters"] = .array(operation.parameters.map { parameter in
                    var p: [String: JSONValue] = [
                        "name": .string(parameter.name), "in": .string(parameter.location.rawValue),
                        "required": .bool(parameter.required), "schema": parameter.schema,
                    ]
                    if !parameter.description.isEmpty { p["description"] = .string(parameter.description) }
                    return .object(p)
                })
            }
            if let body = operation.requestBody {
                entry["requestBody"] = .object([
                    "required": .bool(true),
                    "content": .object(["application/json": .object(["schema": body])]),
                ])
            }
            var responses: [String: JSONValue] = [:]
            for response in operation.responses {
                var r: [String: JSONValue] = ["description": .string(response.description)]
                if let schema = response.schema {
                    r["content"] = .object([response.contentType: .object(["schema": schema])])
                }
                responses[response.status] = .object(r)
            }
            entry["responses"] = .object(responses)
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = .object(entry)
        }
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object(["title": .string(title), "version": .string(version)]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
            "security": .array([.object(["bearer": .array([])])]),
        ])
    }
}
