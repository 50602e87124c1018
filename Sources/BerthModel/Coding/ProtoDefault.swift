/// A type with a protobuf-style zero value.
///
/// StackRox speaks protojson with `EmitUnpopulated`: an absent field reads as its zero value
/// and every field is written back out. Types conforming here can be wrapped in ``Defaulted``
/// to get exactly that from synthesized Codable.
public protocol ProtoDefault {
    static var protoDefault: Self { get }
}

extension String: ProtoDefault { public static var protoDefault: String { "" } }
extension Bool: ProtoDefault { public static var protoDefault: Bool { false } }
extension Int32: ProtoDefault { public static var protoDefault: Int32 { 0 } }
extension Int: ProtoDefault { public static var protoDefault: Int { 0 } }
extension Double: ProtoDefault { public static var protoDefault: Double { 0 } }
extension Array: ProtoDefault { public static var protoDefault: [Element] { [] } }
extension Dictionary: ProtoDefault { public static var protoDefault: [Key: Value] { [:] } }
extension Optional: ProtoDefault { public static var protoDefault: Wrapped? { nil } }
extension Int64: ProtoDefault { public static var protoDefault: Int64 { 0 } }
