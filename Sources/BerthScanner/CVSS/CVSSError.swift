/// Why a vector string was refused. Feeds carry hand-typed vectors, so every
/// case keeps the whole input and names the offending metric or value: a
/// person reading a scan log can fix the advisory without re-running it.
public enum CVSSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace; kept apart so "no score" is not mistaken for a typo.
    case empty(input: String)
    /// A v3 vector must open with `CVSS:3.0/` or `CVSS:3.1/`: the version
    /// picks the rounding rule, so it cannot be guessed.
    case missingVersion(input: String)
    case unsupportedVersion(String, input: String)
    /// `(AV:N/...` without its closing parenthesis, or the reverse.
    case unbalancedParentheses(input: String)
    /// A component that is not `METRIC:VALUE`; an empty string means `//` or a
    /// trailing `/`.
    case malformedComponent(String, input: String)
    case unknownMetric(String, input: String)
    case invalidValue(metric: String, value: String, input: String)
    case duplicateMetric(String, input: String)
    case missingBaseMetric(String, input: String)

    public var input: String {
        switch self {
        case .empty(let input), .missingVersion(let input), .unsupportedVersion(_, let input),
            .unbalancedParentheses(let input), .malformedComponent(_, let input), .unknownMetric(_, let input),
            .invalidValue(_, _, let input), .duplicateMetric(_, let input), .missingBaseMetric(_, let input):
            input
        }
    }

    public var description: String {
        let quoted = "\"\(input)\""
        switch self {
        case .empty:
            return "empty CVSS vector \(quoted)"
        case .missingVersion:
            return "missing \"CVSS:3.0/\" or \"CVSS:3.1/\" prefix in \(quoted)"
        case .unsupportedVersion(let version, _):
            return "unsupported CVSS version \"\(version)\" in \(quoted)"
        case .unbalancedParentheses:
            return "unbalanced parentheses in \(quoted)"
        case .malformedComponent(let component, _):
            if component.isEmpty { return "empty component in \(quoted)" }
            return "malformed component \"\(component)\" in \(quoted), expected METRIC:VALUE"
        case .unknownMetric(let metric, _):
            return "unknown metric \"\(metric)\" in \(quoted)"
        case .invalidValue(let metric, let value, _):
            return "invalid value \"\(value)\" for metric \(metric) in \(quoted)"
        case .duplicateMetric(let metric, _):
            return "duplicate metric \(metric) in \(quoted)"
        case .missingBaseMetric(let metric, _):
            return "missing base metric \(metric) in \(quoted)"
        }
    }
}
