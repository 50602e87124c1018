import BerthModel

/// How Berth's error codes read as Kubernetes status reasons and HTTP codes
/// (apimachinery's `StatusReason` table).
enum KubeStatusReason {
    static func of(_ code: BerthError.Code) -> (reason: String, status: Int) {
        switch code {
        case .invalidArgument: ("BadRequest", 400)
        case .unauthenticated: ("Unauthorized", 401)
        case .permissionDenied: ("Forbidden", 403)
        case .notFound: ("NotFound", 404)
        case .alreadyExists: ("AlreadyExists", 409)
        case .conflict, .failedPrecondition: ("Conflict", 409)
        case .gone: ("Expired", 410)
        case .payloadTooLarge: ("RequestEntityTooLarge", 413)
        case .unsupportedMediaType: ("UnsupportedMediaType", 415)
        case .resourceExhausted: ("TooManyRequests", 429)
        case .unimplemented: ("NotImplemented", 501)
        case .unavailable: ("ServiceUnavailable", 503)
        case .deadlineExceeded: ("Timeout", 504)
        case .internalError: ("InternalError", 500)
        }
    }
}
