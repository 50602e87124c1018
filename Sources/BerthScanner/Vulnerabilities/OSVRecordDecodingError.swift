/// A record that is valid JSON but not a valid OSV record.
///
/// `DecodingError` alone says "keyNotFound(CodingKeys(stringValue: ...))",
/// which tells an operator importing 200,000 advisories neither which one
/// failed nor where; this names the record (when its `id` could be read) and
/// the field as a JSON path relative to the record.
public struct OSVRecordDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var recordID: String?
    /// `affected[0].ranges[1].events[2]`, or `""` for the record itself.
    public var field: String
    public var reason: String

    public init(recordID: String?, field: String, reason: String) {
        self.recordID = recordID
        self.field = field
        self.reason = reason
    }

    /// Turns a `DecodingError` raised somewhere inside a record into field
    /// and reason; `base` is the record's own coding path (non-empty when the
    /// record sits in an array), which is stripped so the field is relative.
    init(recordID: String?, base: [any CodingKey], error: DecodingError) {
        self.recordID = recordID
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            reason = "required field is missing"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            reason = "expected \(Self.jsonType(type)), found null"
        case .typeMismatch(let type, let context):
            path = context.codingPath
            reason = "expected \(Self.jsonType(type))"
        case .dataCorrupted(let context):
            path = context.codingPath
            var text = context.debugDescription
            if let underlying = context.underlyingError {
                text += " (\(underlying))"
            }
            reason = text
        @unknown default:
            path = []
            reason = "\(error)"
        }
        field = Self.render(Array(path.dropFirst(Self.commonPrefixLength(base, path))))
    }

    public var description: String {
        var text = "invalid OSV record"
        if let recordID { text += " \(recordID)" }
        if !field.isEmpty { text += ", field \(field)" }
        return text + ": \(reason)"
    }

    /// `[affected, 0, ranges]` → `affected[0].ranges`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func commonPrefixLength(_ base: [any CodingKey], _ path: [any CodingKey]) -> Int {
        var length = 0
        while length < base.count, length < path.count, base[length].stringValue == path[length].stringValue,
              base[length].intValue == path[length].intValue {
            length += 1
        }
        return length
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Double.Type, is Int.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object (\(name))"
        }
    }
}
