import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird
import Logging

/// Registers Cycle routes with what every one of them does first: find the hub in
/// `X-Hub-Id`, check the caller's capability there, read a JSON body strictly, and answer
/// every failure in Cycle's envelope with the route's own not-found code.
struct CycleRouter {
    let router: Router<BerthRequestContext>
    let catalog: APICatalog
    static let tag = "Cycle image sources"

    /// `orAlso`: other capabilities that let a caller in, for routes whose handler then checks
    /// the one the object at hand needs (a job is a source's or an image's).
    func route(_ method: HTTPRequest.Method, _ path: String, _ id: String, _ summary: String, capability: HubCapability, orAlso: [HubCapability] = [],
               notFound: String, parameters: [APIParameter] = [], body: JSONValue? = nil, success: String = "200",
               _ handler: @escaping @Sendable (inout CycleCall) async throws -> Response) {
        let resource: Access.Resource = capability == .imagesSourcesView || capability == .imagesSourcesManage ? .imageSource : .image
        let verb: Access.Verb = capability == .imagesSourcesView || capability == .imagesView ? .read : .write
        var params = parameters
        params.insert(APIParameter("X-Hub-Id", in: .header, required: true, description: "The hub the request is scoped to (24-hex id)."), at: 0)
        catalog.register(
            APIOperation(method, path, operationId: id, summary: summary + " Requires the \(([capability] + orAlso).map(\.rawValue).joined(separator: " or ")) capability.", tag: Self.tag,
                         access: Access(verb, resource), scope: .hub, parameters: params, requestBody: body,
                         responses: [APIResponse(success, "Cycle root document", schema: Schema.object(["data": Schema.anyObject], required: ["data"])),
                                     APIResponse("default", "Cycle error envelope", schema: Schema.object(["error": Schema.anyObject], required: ["error"]))]),
            on: router
        ) { request, context in
            do {
                guard let principal = context.principal else {
                    throw CycleError(401, "401.auth-invalid", "Invalid authentication", "send the header 'Authorization: Bearer <token>'")
                }
                let hub = try Self.hub(request)
                let capabilities = principal.capabilities(inHub: hub)
                guard !capabilities.isEmpty else {
                    throw CycleError(403, "403.wrong-hub", "Wrong hub", "the token \"\(principal.name)\" has no capabilities in hub \(hub)")
                }
                guard let held = ([capability] + orAlso).first(where: capabilities.contains) else {
                    throw CycleError.permissions(capability, "the token \"\(principal.name)\" lacks the \(capability.rawValue) capability in hub \(hub)")
                }
                var call = CycleCall(request: request, context: context, hub: hub, principal: principal, capability: held)
                return try await handler(&call)
            } catch let error as CycleError {
                return CycleResponses.error(error)
            } catch let error as BerthError {
                return CycleResponses.error(CycleError.from(error, notFoundCode: notFound))
            } catch {
                let berth = ErrorMiddleware.berthError(from: error, logger: context.logger)
                return CycleResponses.error(CycleError.from(berth, notFoundCode: notFound))
            }
        }
    }

    static func hub(_ request: Request) throws(CycleError) -> String {
        guard let hub = request.headers.first(where: { $0.name.canonicalName == "x-hub-id" })?.value.trimmingCharacters(in: .whitespaces), !hub.isEmpty else {
            throw CycleError(404, "404.hub", "Hub not found", "send the X-Hub-Id header with the id of the hub this request is for")
        }
        guard ObjectID.isValid(hub) else {
            throw CycleError(404, "404.hub", "Hub not found", "X-Hub-Id \"\(hub.prefix(64))\" is not a hub id (24 hex characters)")
        }
        return hub
    }

    /// The JSON object of a POST or PATCH: `application/json` only, syntax errors a 400.
    static func body(_ call: inout CycleCall) async throws -> JSONValue {
        let type = call.request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == "application/json" else {
            throw CycleError(415, "415.invalid-content-type", "Invalid content type", "send the body as Content-Type: application/json")
        }
        let data = try await call.request.collectJSONBody()
        guard !data.isEmpty else { throw CycleError(400, "400.invalid-syntax", "Invalid syntax", "the request has no body; send a JSON object") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CycleError(400, "400.invalid-syntax", "Invalid syntax", "the request body is not valid JSON")
        }
    }
}
