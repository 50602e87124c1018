/// One field error of a 422, with apimachinery's reasons and wording, so `kubectl` prints the
/// same lines a user would get from OpenShift.
public struct KubeStatusCause: Codable, Sendable, Equatable {
    public var reason: String
    public var message: String
    public var field: String

    public init(reason: String, message: String, field: String) {
        self.reason = reason
        self.message = message
        self.field = field
    }

    var summary: String { "\(field): \(message)" }

    public static func required(_ field: String, _ detail: String = "") -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueRequired", message: detail.isEmpty ? "Required value" : "Required value: \(detail)", field: field)
    }

    public static func invalid(_ field: String, _ value: String, _ detail: String) -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueInvalid", message: "Invalid value: \(quoted(value)): \(detail)", field: field)
    }

    public static func forbidden(_ field: String, _ detail: String) -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueForbidden", message: "Forbidden: \(detail)", field: field)
    }

    public static func notFound(_ field: String, _ value: String) -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueNotFound", message: "Not found: \(quoted(value))", field: field)
    }

    public static func notSupported(_ field: String, _ value: String, _ allowed: [String]) -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueNotSupported",
                        message: "Unsupported value: \(quoted(value)): supported values: \(allowed.map(quoted).joined(separator: ", "))", field: field)
    }

    public static func tooLong(_ field: String, _ detail: String) -> KubeStatusCause {
        KubeStatusCause(reason: "FieldValueTooLong", message: "Too long: \(detail)", field: field)
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
