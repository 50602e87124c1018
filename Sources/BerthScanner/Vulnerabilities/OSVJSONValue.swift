/// Arbitrary JSON kept verbatim.
///
/// `database_specific` and `ecosystem_specific` have a different shape in
/// every feed (GHSA puts `severity` there, Debian `urgency`, Ubuntu
/// `binaries`), so modelling them would either lose data or chase every
/// publisher; keeping the tree lets a store persist it and a later reader
/// pick out what it knows.
public enum OSVJSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    /// JSON does not distinguish integers; a Double keeps every value the
    /// feeds actually carry (scores, counts) and round-trips them.
    case number(Double)
    case string(String)
    case array([OSVJSONValue])
    case object([String: OSVJSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([OSVJSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: OSVJSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object, nil for anything else, so callers can
    /// probe optional vendor fields without a switch.
    public subscript(key: String) -> OSVJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
