import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// Errors on paths no dialect owns (`/healthz`, unknown top-level paths): a small JSON body.
struct PlainErrorRenderer: ErrorRenderer {
    func owns(_ request: Request) -> Bool { true }

    func response(for error: BerthError, request: Request) -> Response {
        let status: HTTPResponse.Status = switch error.code {
        case .unauthenticated: .unauthorized
        case .permissionDenied: .forbidden
        case .notFound: .notFound
        case .internalError: .internalServerError
        default: .badRequest
        }
        let data = (try? JSONEncoder().encode(["error": error.message])) ?? Data()
        return JSONResponse.raw(data, status: status)
    }
}
