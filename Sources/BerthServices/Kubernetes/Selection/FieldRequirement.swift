import BerthModel
import Foundation

/// One comma-separated term of a field selector, with its value already unescaped.
public struct FieldRequirement: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var `operator`: FieldOperator
    public var value: String

    public init(field: String, operator: FieldOperator, value: String) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }

    /// A field the caller did not supply counts as the empty string, as in Kubernetes
    /// (`fields.Set.Get`), so `spec.x!=foo` still matches an object without `spec.x`.
    public func matches(_ fields: [String: String]) -> Bool {
        let actual = fields[field] ?? ""
        switch `operator` {
        case .equals: return actual == value
        case .notEquals: return actual != value
        }
    }

    /// Re-escaped, so the text parses back to the same requirement.
    public var description: String {
        var escaped = ""
        for character in value {
            if character == "\\" || character == "," || character == "=" { escaped.append("\\") }
            escaped.append(character)
        }
        return field + `operator`.rawValue + escaped
    }
}
