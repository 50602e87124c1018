import BerthModel
import BerthServices
import Hummingbird

/// Requires `Authorization: Bearer <token>` on every route except the public ones, and puts
/// the caller in the context. Whether the caller may use a route is checked by the route.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = BerthRequestContext
    private let tokens: TokenService
    private let publicPaths: Set<String>

    public init(tokens: TokenService, publicPaths: Set<String>) {
        self.tokens = tokens
        self.publicPaths = publicPaths
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if publicPaths.contains(request.uri.path) { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw BerthError(.unauthenticated, "credentials not found: send the header 'Authorization: Bearer <token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw BerthError(.unauthenticated, "unsupported authorization scheme; send 'Authorization: Bearer <token>'")
        }
        guard let principal = try await tokens.authenticate(String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw BerthError(.unauthenticated, "the bearer token is not valid (unknown or revoked)")
        }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "berth.caller"] = .string(principal.name)
        return try await next(request, context)
    }
}
