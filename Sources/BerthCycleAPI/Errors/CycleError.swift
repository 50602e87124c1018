import BerthModel
import BerthServices
import Foundation

/// One Cycle error: the `error` member of Cycle's envelope, with Cycle's own code strings
/// (`404.image.source`, `422.missing-argument`, `403.permissions`…) and `source` as a JSON
/// pointer into the request body.
struct CycleError: Error, Sendable {
    var status: Int
    var code: String
    var title: String
    var detail: String
    var source: String?
    var capability: String?

    init(_ status: Int, _ code: String, _ title: String, _ detail: String, source: String? = nil, capability: String? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.source = source
        self.capability = capability
    }

    static func missing(_ pointer: String, _ detail: String) -> CycleError {
        CycleError(422, "422.missing-argument", "Missing argument", detail, source: pointer)
    }

    static func invalid(_ pointer: String?, _ detail: String) -> CycleError {
        CycleError(422, "422.invalid-argument", "Invalid argument", detail, source: pointer)
    }

    static func invalidInput(_ pointer: String?, _ detail: String) -> CycleError {
        CycleError(422, "422.invalid-input", "Invalid input", detail, source: pointer)
    }

    static func notFound(_ code: String, _ detail: String) -> CycleError {
        CycleError(404, code, "Not found", detail)
    }

    static func permissions(_ capability: HubCapability, _ detail: String) -> CycleError {
        CycleError(403, "403.permissions", "Insufficient permissions", detail, capability: capability.rawValue)
    }

    /// A failure from below, in Cycle's terms; `notFoundCode` names the resource the route
    /// was looking for.
    static func from(_ error: BerthError, notFoundCode: String = "404.unknown") -> CycleError {
        let detail = error.message
        switch error.code {
        case .invalidArgument: return CycleError(422, "422.invalid-argument", "Invalid argument", detail, source: error.field)
        case .notFound: return CycleError(404, notFoundCode, "Not found", detail)
        case .alreadyExists: return CycleError(409, "409.duplicate-found", "Duplicate found", detail)
        case .conflict: return CycleError(409, "409.duplicate-found", "Conflict", detail)
        case .failedPrecondition: return CycleError(403, "403.invalid-state", "Invalid state", detail)
        case .permissionDenied: return CycleError(403, "403.not-allowed", "Not allowed", detail)
        case .unauthenticated: return CycleError(401, "401.auth-invalid", "Invalid authentication", detail)
        case .resourceExhausted: return CycleError(429, "429.rate-limiting", "Rate limited", detail)
        case .unimplemented: return CycleError(501, "501.not-implemented", "Not implemented", detail)
        case .unavailable, .deadlineExceeded: return CycleError(503, "503.not-ready", "Not ready", detail)
        case .gone: return CycleError(404, notFoundCode, "Not found", detail)
        case .payloadTooLarge: return CycleError(422, "422.max-exceeded", "Maximum exceeded", detail)
        case .unsupportedMediaType: return CycleError(415, "415.invalid-content-type", "Invalid content type", detail)
        case .internalError: return CycleError(500, "500.unknown", "Internal error", detail)
        }
    }

    var envelope: JSONValue {
        var error: [String: JSONValue] = [
            "status": .number(Double(status)), "code": .string(code), "title": .string(title), "detail": .string(detail),
        ]
        if let source { error["source"] = .string(source) }
        if let capability { error["extra"] = ["capability": .string(capability)] }
        return ["error": .object(error), "data": .null]
    }
}
