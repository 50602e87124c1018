import BerthModel

/// A path or query parameter of an ``APIOperation``.
public struct APIParameter: Sendable {
    public enum Location: String, Sendable {
        case path
        case query
        case header
    }

    public var name: String
    public var location: Location
    public var required: Bool
    public var schema: JSONValue
    public var description: String

    public init(_ name: String, in location: Location, required: Bool = false, schema: JSONValue = Schema.string, description: String = "") {
        self.name = name
        self.location = location
        self.required = required || location == .path
        self.schema = schema
        self.description = description
    }
}
