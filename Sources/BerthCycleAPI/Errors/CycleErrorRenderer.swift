import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// Errors raised before a Cycle route runs (no token, an unknown path under a Cycle prefix)
/// in Cycle's envelope. Listed before the StackRox renderer, whose `/v1/` it narrows.
public struct CycleErrorRenderer: ErrorRenderer {
    public init() {}

    public func owns(_ request: Request) -> Bool {
        CycleAPI.owns(method: request.method, path: request.uri.path)
    }

    public func response(for error: BerthError, request: Request) -> Response {
        var cycle = CycleError.from(error)
        if error.code == .notFound, error.message == "Not Found" {
            cycle = CycleError(404, "404.unknown", "Not found", "no such route: \(request.method.rawValue) \(request.uri.path)")
        }
        return CycleResponses.error(cycle)
    }
}
