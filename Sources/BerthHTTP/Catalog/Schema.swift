import BerthModel

/// Small builders for OpenAPI 3.0 schemas, so each dialect states its wire shapes as data.
public enum Schema {
    public static let string: JSONValue = .object(["type": .string("string")])
    public static let boolean: JSONValue = .object(["type": .string("boolean")])
    public static let integer: JSONValue = .object(["type": .string("integer")])
    public static let number: JSONValue = .object(["type": .string("number")])
    public static let dateTime: JSONValue = .object(["type": .string("string"), "format": .string("date-time")])
    /// Any JSON object.
    public static let anyObject: JSONValue = .object(["type": .string("object")])

    public static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    public static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": .string("array"), "items": items])
    }

    public static func enumeration(_ values: [String]) -> JSONValue {
        .object(["type": .string("string"), "enum": .array(values.map { .string($0) })])
    }

    public static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        if object["$ref"] != nil {
            return .object(["allOf": .array([schema]), "nullable": .bool(true)])
        }
        object["nullable"] = .bool(true)
        return .object(object)
    }

    public static func map(_ values: JSONValue) -> JSONValue {
        .object(["type": .string("object"), "additionalProperties": values])
    }

    /// An object with these properties; `required` lists the ones always present.
    public static func object(_ properties: [String: JSONValue], required: [String] = [], additional: Bool = true) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.sorted().map { .string($0) }) }
        if !additional { schema["additionalProperties"] = .bool(false) }
        return .object(schema)
    }
}
