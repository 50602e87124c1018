import BerthModel

/// A Kubernetes API error: what becomes a `metav1.Status` body. Richer than ``BerthError``
/// because Kubernetes clients read `reason`, `details.kind` and `details.causes`, and 422
/// (Invalid) and 405 (MethodNotAllowed) have no place in the shared error codes.
public struct KubeStatusError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: KubeStatusDetails?

    public init(code: Int, reason: String, message: String, details: KubeStatusDetails? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var description: String { "\(code) \(reason): \(message)" }

    public static func notFound(_ resource: String, group: String, name: String) -> KubeStatusError {
        KubeStatusError(code: 404, reason: "NotFound", message: "\(qualified(resource, group)) \"\(name)\" not found",
                        details: KubeStatusDetails(name: name, group: group, kind: resource))
    }

    public static func alreadyExists(_ resource: String, group: String, name: String) -> KubeStatusError {
        KubeStatusError(code: 409, reason: "AlreadyExists", message: "\(qualified(resource, group)) \"\(name)\" already exists",
                        details: KubeStatusDetails(name: name, group: group, kind: resource))
    }

    public static func conflict(_ resource: String, group: String, name: String, _ why: String = "the object has been modified; please apply your changes to the latest version and try again") -> KubeStatusError {
        KubeStatusError(code: 409, reason: "Conflict", message: "Operation cannot be fulfilled on \(qualified(resource, group)) \"\(name)\": \(why)",
                        details: KubeStatusDetails(name: name, group: group, kind: resource))
    }

    /// 422 with one cause per field error, worded as apimachinery's `field.Error`.
    public static func invalid(kind: String, group: String, name: String, causes: [KubeStatusCause]) -> KubeStatusError {
        let summary = causes.map(\.summary).joined(separator: ", ")
        return KubeStatusError(code: 422, reason: "Invalid", message: "\(qualified(kind, group)) \"\(name)\" is invalid: \(summary)",
                               details: KubeStatusDetails(name: name, group: group, kind: kind, causes: causes))
    }

    public static func badRequest(_ message: String) -> KubeStatusError {
        KubeStatusError(code: 400, reason: "BadRequest", message: message)
    }

    public static func forbidden(_ message: String) -> KubeStatusError {
        KubeStatusError(code: 403, reason: "Forbidden", message: message)
    }

    public static func methodNotAllowed(_ action: String, resource: String, group: String) -> KubeStatusError {
        KubeStatusError(code: 405, reason: "MethodNotAllowed", message: "\(action) is not supported on resources of kind \"\(qualified(resource, group))\"")
    }

    public static func expired(_ message: String) -> KubeStatusError {
        KubeStatusError(code: 410, reason: "Expired", message: message)
    }

    public static func internalError(_ message: String) -> KubeStatusError {
        KubeStatusError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }

    public static func serverTimeout(_ operation: String, resource: String, group: String) -> KubeStatusError {
        KubeStatusError(code: 500, reason: "ServerTimeout",
                        message: "The \(operation) operation against \(qualified(resource, group)) could not be completed at this time, please try again.",
                        details: KubeStatusDetails(kind: resource, retryAfterSeconds: 2))
    }

    static func qualified(_ resource: String, _ group: String) -> String {
        group.isEmpty ? resource : "\(resource).\(group)"
    }
}
