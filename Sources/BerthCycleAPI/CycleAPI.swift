import BerthHTTP
import BerthServices
import Hummingbird

/// The Cycle dialect: image sources, images made from them, and the jobs that import and
/// delete, in Cycle's envelope, scoped by `X-Hub-Id`.
public struct CycleAPI {
    let sources: ImageSourceService
    let tokens: TokenService
    let integrations: ImageIntegrationService
    let jobRetention: Duration

    public init(sources: ImageSourceService, tokens: TokenService, integrations: ImageIntegrationService, jobRetention: Duration) {
        self.sources = sources
        self.tokens = tokens
        self.integrations = integrations
        self.jobRetention = jobRetention
    }

    public func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let r = CycleRouter(router: router, catalog: catalog)
        ImageSourceRoutes(sources: sources, includes: SourceIncludes(tokens: tokens, integrations: integrations)).register(r)
        ImageRoutes(sources: sources).register(r)
        JobRoutes(sources: sources, retention: jobRetention).register(r)
    }

    public static let errorRenderer: any ErrorRenderer = CycleErrorRenderer()

    /// The paths whose errors are Cycle's: sources and jobs entirely, and of `/v1/images`
    /// only what StackRox does not serve (`POST /v1/images`, `…/tasks`).
    static func owns(method: HTTPRequest.Method, path: String) -> Bool {
        if path == "/v1/images/sources" || path.hasPrefix("/v1/images/sources/") || path.hasPrefix("/v1/jobs/") || path == "/v1/jobs" { return true }
        if path == "/v1/images" && method == .post { return true }
        return path.hasPrefix("/v1/images/") && path.hasSuffix("/tasks")
    }
}
