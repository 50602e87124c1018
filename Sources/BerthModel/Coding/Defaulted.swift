/// A field that decodes to its zero value when absent or `null`, and is always encoded.
///
/// Synthesized Codable calls the `KeyedDecodingContainer` overload below for wrapped
/// properties, which is what lets a missing key fall back to the default instead of failing.
@propertyWrapper
public struct Defaulted<Value: Codable & ProtoDefault & Sendable>: Codable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init() {
        self.wrappedValue = Value.protoDefault
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self.wrappedValue = Value.protoDefault
        } else {
            self.wrappedValue = try container.decode(Value.self)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension Defaulted: Equatable where Value: Equatable {}
extension Defaulted: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    public func decode<Value>(_ type: Defaulted<Value>.Type, forKey key: Key) throws -> Defaulted<Value> {
        try decodeIfPresent(type, forKey: key) ?? Defaulted()
    }
}

extension KeyedEncodingContainer {
    /// `nil` optionals inside a `Defaulted` still appear, as `null`, the way protojson writes
    /// unset message fields.
    public mutating func encode<Value>(_ value: Defaulted<Value?>, forKey key: Key) throws {
        if let wrapped = value.wrappedValue {
            try encode(wrapped, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
