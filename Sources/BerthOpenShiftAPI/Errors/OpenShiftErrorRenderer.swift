import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// Renders every error on Kubernetes paths (`/api…`, `/apis…`, `/version`, `/openapi/v3…`)
/// as a `metav1.Status`, including 401s and unknown routes, which stock clients parse.
public struct OpenShiftErrorRenderer: ErrorRenderer {
    public init() {}

    public func owns(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/api" || path.hasPrefix("/api/") || path == "/apis" || path.hasPrefix("/apis/")
            || path == "/version" || path.hasPrefix("/openapi/v")
    }

    public func response(for error: BerthError, request: Request) -> Response {
        let (reason, code) = KubeStatusReason.of(error.code)
        var message = error.message
        if error.code == .notFound && message.hasPrefix("no route") { message = "the server could not find the requested resource" }
        let status = KubeStatus(message: message, reason: reason, details: nil, code: code)
        let data = (try? JSONEncoder().encode(status)) ?? Data()
        return JSONResponse.raw(data, status: HTTPResponse.Status(code: code))
    }
}
