import BerthModel

/// Builders for OpenAPI v3 schema nodes, shaped the way kube-openapi emits them. Keeping the
/// shapes in one place matters because clients walk them mechanically: kubectl's strategic-merge
/// lookup reads the patch extensions on the property node itself, then takes `allOf[0]`, then
/// follows `$ref`; an extension placed one level too deep is silently ignored.
enum OpenAPISchema {
    static let componentsPrefix = "#/components/schemas/"

    static func string(_ description: String, format: String? = nil) -> JSONValue {
        var node: [String: JSONValue] = ["type": "string", "description": .string(description)]
        if let format { node["format"] = .string(format) }
        return .object(node)
    }

    /// A Go `[]byte`: base64 on the wire.
    static func bytes(_ description: String) -> JSONValue {
        string(description, format: "byte")
    }

    static func int64(_ description: String) -> JSONValue {
        .object(["type": "integer", "format": "int64", "description": .string(description)])
    }

    static func int32(_ description: String) -> JSONValue {
        .object(["type": "integer", "format": "int32", "description": .string(description)])
    }

    static func boolean(_ description: String) -> JSONValue {
        .object(["type": "boolean", "description": .string(description)])
    }

    /// A bare reference, as kube-openapi writes array items and map values.
    static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string(componentsPrefix + name)])
    }

    /// A described property of a named type. OpenAPI 3.0 ignores siblings of `$ref`, so the
    /// reference goes inside `allOf` to keep the description visible to `kubectl explain`.
    static func ref(_ name: String, _ description: String) -> JSONValue {
        .object(["description": .string(description), "allOf": [ref(name)]])
    }

    static func array(of items: JSONValue, _ description: String, extensions: [String: JSONValue] = [:]) -> JSONValue {
        var node: [String: JSONValue] = ["type": "array", "description": .string(description), "items": items]
        node.merge(extensions) { _, new in new }
        return .object(node)
    }

    /// A list merged element by element on `key`, for both strategic merge patch (client-side
    /// apply) and server-side apply.
    static func keyedArray(of items: JSONValue, key: String, _ description: String) -> JSONValue {
        array(of: items, description, extensions: [
            "x-kubernetes-patch-merge-key": .string(key),
            "x-kubernetes-patch-strategy": "merge",
            "x-kubernetes-list-type": "map",
            "x-kubernetes-list-map-keys": [.string(key)],
        ])
    }

    static func map(of values: JSONValue, _ description: String) -> JSONValue {
        .object(["type": "object", "description": .string(description), "additionalProperties": values])
    }

    static func stringMap(_ description: String) -> JSONValue {
        map(of: ["type": "string", "default": ""], description)
    }

    /// An object whose content no schema describes (a RawExtension); any field is accepted.
    static func freeForm(_ description: String, extensions: [String: JSONValue] = [:]) -> JSONValue {
        var node: [String: JSONValue] = [
            "type": "object",
            "description": .string(description),
            "x-kubernetes-preserve-unknown-fields": true,
        ]
        node.merge(extensions) { _, new in new }
        return .object(node)
    }

    static func object(
        _ description: String,
        properties: [String: JSONValue],
        required: [String] = [],
        extensions: [String: JSONValue] = [:]
    ) -> JSONValue {
        var node: [String: JSONValue] = [
            "type": "object",
            "description": .string(description),
            "properties": .object(properties),
        ]
        if !required.isEmpty { node["required"] = .array(required.map(JSONValue.string)) }
        node.merge(extensions) { _, new in new }
        return .object(node)
    }

    /// The schema-level GVK list (an array, unlike the single object operations carry):
    /// `kubectl explain` and client-side apply find a kind's schema by it.
    static func gvk(group: String, version: String = "v1", kind: String) -> [String: JSONValue] {
        ["x-kubernetes-group-version-kind": [gvkObject(group: group, version: version, kind: kind)]]
    }

    static func gvkObject(group: String, version: String = "v1", kind: String) -> JSONValue {
        .object(["group": .string(group), "version": .string(version), "kind": .string(kind)])
    }
}
