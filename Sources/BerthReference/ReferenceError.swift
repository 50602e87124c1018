/// Why an image reference or digest was rejected.
///
/// One concrete type (rather than an enum) because callers only ever show the message:
/// StackRox embeds it in `error parsing image name '<n>': <message>`.
public struct ReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static let empty = ReferenceError("reference is empty")

    static func invalidFormat(_ text: String) -> ReferenceError {
        ReferenceError("invalid reference format: \(quoted(text))")
    }

    static func uppercase(_ text: String) -> ReferenceError {
        ReferenceError("repository name must be lowercase: \(quoted(text))")
    }

    static func nameTooLong(_ text: String, limit: Int) -> ReferenceError {
        ReferenceError("repository name must not be longer than \(limit) characters: \(quoted(text))")
    }

    static func invalidTag(_ tag: String, _ reason: String) -> ReferenceError {
        ReferenceError("invalid tag \(quoted(tag)): \(reason)")
    }

    static func invalidDigest(_ digest: String, _ reason: String) -> ReferenceError {
        ReferenceError("invalid digest \(quoted(digest)): \(reason)")
    }

    /// Go-style `%q`, so control characters and quotes in hostile input stay visible.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
