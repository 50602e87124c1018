/// Any JSON value, kept as it was written.
///
/// The engines meet JSON whose shape nobody fixed: OSV's `database_specific` and
/// `ecosystem_specific` differ in every feed (GHSA puts `severity` there, Debian `urgency`,
/// Ubuntu `binaries`), and a simple-signing payload's `optional` section holds whatever the
/// signer added (`creator`, `timestamp`, `cosign sign -a` annotations). Modelling either would
/// lose data or chase every publisher, so the tree is kept and a later reader picks out what it
/// knows.
///
/// Integers stay integers: a signing `timestamp` such as `1458239713` must round-trip exactly
/// and show as `1458239713`, not `1458239713.0`. Numbers with a fraction or outside `Int64` are
/// kept as `Double`.
///
/// This module depends on nothing, so every engine can use it without depending on another
/// engine or on the model types the dialects share.
public enum LosslessJSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([LosslessJSON])
    case object([String: LosslessJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([LosslessJSON].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: LosslessJSON].self) {
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
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object, nil for anything else, so callers can probe optional
    /// vendor fields without a switch.
    public subscript(key: String) -> LosslessJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The value when it is a JSON string: what policies and vendor fields compare.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
