import BerthModel

/// Finds the fields of a request body that its kind's schema does not declare, so that
/// `fieldValidation=Strict` can fail with the apiserver's `unknown field "spec.foo"` and
/// `Warn` can name them in warnings. Paths are spelled as the apiserver's strict decoder spells
/// them: dotted field names, `[i]` for list items, `.key` for map entries.
///
/// Only unknown names are reported. A value of the wrong type, or `null`, is left to the
/// decoder, and whatever a schema leaves open (`x-kubernetes-preserve-unknown-fields`, or an
/// object with neither `properties` nor `additionalProperties`, such as `dockerImageMetadata`)
/// accepts anything.
public struct UnknownFieldFinder: Sendable {
    private let definitions: [String: JSONValue]

    public init(definitions: [String: JSONValue] = ImageV1Schemas.definitions) {
        self.definitions = definitions
    }

    /// The sorted paths of unknown fields in `object`, checked against the definition named
    /// `schema` (e.g. `com.github.openshift.api.image.v1.ImageStream`). `apiVersion` and `kind`
    /// are always accepted at the top level. An unknown schema name accepts everything.
    public func unknownFields(in object: JSONValue, schema: String) -> [String] {
        guard let root = definitions[schema] else { return [] }
        var found: [String] = []
        walk(object, against: root, path: "", isRoot: true, into: &found)
        return found.sorted()
    }

    /// A schema node with its `$ref`s and `allOf`s folded in.
    private struct Shape {
        var properties: [String: JSONValue] = [:]
        var hasProperties = false
        var additionalProperties: JSONValue?
        var items: JSONValue?
        var preservesUnknownFields = false

        /// Open objects: the schema says nothing about their fields.
        var acceptsAnyField: Bool {
            preservesUnknownFields || (!hasProperties && additionalProperties == nil)
        }

        mutating func absorb(_ other: Shape) {
            properties.merge(other.properties) { own, _ in own }
            hasProperties = hasProperties || other.hasProperties
            additionalProperties = additionalProperties ?? other.additionalProperties
            items = items ?? other.items
            preservesUnknownFields = preservesUnknownFields || other.preservesUnknownFields
        }
    }

    private func shape(of node: JSONValue, depth: Int = 0) -> Shape {
        var result = Shape()
        // References between definitions are acyclic here, but a bad document must not hang.
        guard depth < 32, case .object(let schema) = node else { return result }
        if case .string(let target)? = schema["$ref"] {
            let name = target.hasPrefix(OpenAPISchema.componentsPrefix)
                ? String(target.dropFirst(OpenAPISchema.componentsPrefix.count))
                : target
            if let definition = definitions[name] {
                result.absorb(shape(of: definition, depth: depth + 1))
            } else {
                result.preservesUnknownFields = true
            }
        }
        if case .array(let parts)? = schema["allOf"] {
            for part in parts { result.absorb(shape(of: part, depth: depth + 1)) }
        }
        if case .object(let properties)? = schema["properties"] {
            result.hasProperties = true
            result.properties.merge(properties) { _, new in new }
        }
        switch schema["additionalProperties"] {
        case .object?: result.additionalProperties = schema["additionalProperties"]
        case .bool(true)?: result.preservesUnknownFields = true
        default: break
        }
        if let items = schema["items"] { result.items = items }
        if case .bool(true)? = schema["x-kubernetes-preserve-unknown-fields"] {
            result.preservesUnknownFields = true
        }
        return result
    }

    private func walk(_ value: JSONValue, against node: JSONValue, path: String, isRoot: Bool = false, into found: inout [String]) {
        switch value {
        case .object(let fields):
            let shape = shape(of: node)
            for (key, child) in fields {
                let childPath = path.isEmpty ? key : path + "." + key
                if let property = shape.properties[key] {
                    walk(child, against: property, path: childPath, into: &found)
                } else if let additional = shape.additionalProperties {
                    walk(child, against: additional, path: childPath, into: &found)
                } else if isRoot && (key == "apiVersion" || key == "kind") {
                    continue
                } else if !shape.acceptsAnyField {
                    found.append(childPath)
                }
            }
        case .array(let elements):
            guard let items = shape(of: node).items else { return }
            for (index, element) in elements.enumerated() {
                walk(element, against: items, path: "\(path)[\(index)]", into: &found)
            }
        default:
            return
        }
    }
}
