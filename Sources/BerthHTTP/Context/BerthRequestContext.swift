import BerthServices
import Hummingbird

/// The per-request context of every Berth route: Hummingbird's core storage plus the
/// authenticated caller.
public struct BerthRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware``; nil only on public routes.
    public var principal: Principal?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Bodies past this are refused with a 400 before they are parsed.
    public var maxUploadSize: Int { BodyLimits.json }
}
