import BerthModel
import Foundation

/// The OpenAPI v3 documents Berth serves under `/openapi/v3`. kubectl (≥ 1.27) reads them to
/// decide three things per GVK (reference/openshift.md §3.1): whether to ask the server for
/// `fieldValidation=Strict` (a PATCH operation carrying that parameter), whether `apply` may
/// send a strategic merge patch (the PATCH accepts `application/strategic-merge-patch+json`
/// and the kind's schema carries merge keys), and what `explain` prints. Finding them here
/// keeps kubectl from falling back to `/openapi/v2`, which it wants as protobuf.
///
/// Only served verbs get an operation. The create-only kinds (ImageStreamImport,
/// ImageStreamMapping, ImageSignature) therefore have no PATCH, and `kubectl create -f` of
/// them still downloads `/openapi/v2` to validate client-side; a 200 with an empty body and
/// `Content-Type: application/com.github.proto-openapi.spec.v2.v1.0+protobuf` satisfies it.
public enum OpenAPIV3Document {
    public static let groupPath = OpenAPIGroupVersion.imageV1.documentPath
    public static let corePath = OpenAPIGroupVersion.coreV1.documentPath

    /// `apis/image.openshift.io/v1`: every path of the endpoint table (§2.0).
    public static func groupDocument() -> JSONValue {
        var builder = OpenAPIPathBuilder(.imageV1)
        let all: Set<OpenAPIPathBuilder.Verb> = [.list, .watch, .create, .deleteCollection, .get, .update, .patch, .delete]
        let tagVerbs: Set<OpenAPIPathBuilder.Verb> = [.list, .create, .get, .update, .patch, .delete]

        builder.addResource(plural: "images", kind: "Image", listKind: "ImageList", namespaced: false, verbs: all)
        builder.addResource(plural: "imagesignatures", kind: "ImageSignature", namespaced: false, verbs: [.create, .delete])
        builder.addResource(plural: "imagestreamimages", kind: "ImageStreamImage", namespaced: true, verbs: [.get])
        builder.addResource(plural: "imagestreamimports", kind: "ImageStreamImport", namespaced: true, verbs: [.create])
        builder.addResource(
            plural: "imagestreammappings", kind: "ImageStreamMapping", namespaced: true, verbs: [.create],
            createResponse: KubernetesSchemas.status
        )
        builder.addResource(
            plural: "imagestreams", kind: "ImageStream", listKind: "ImageStreamList", namespaced: true,
            verbs: all, listAllNamespaces: true
        )
        builder.addSubresource(
            parentPlural: "imagestreams", parentKind: "ImageStream", subresource: "layers",
            kind: "ImageStreamLayers", namespaced: true, verbs: [.get]
        )
        builder.addSubresource(
            parentPlural: "imagestreams", parentKind: "ImageStream", subresource: "secrets",
            kind: "SecretList", namespaced: true, verbs: [.get], takesListParameters: true
        )
        builder.addSubresource(
            parentPlural: "imagestreams", parentKind: "ImageStream", subresource: "status",
            kind: "ImageStream", namespaced: true, verbs: [.get, .update, .patch]
        )
        builder.addResource(
            plural: "imagestreamtags", kind: "ImageStreamTag", listKind: "ImageStreamTagList", namespaced: true,
            verbs: tagVerbs, listAllNamespaces: true
        )
        builder.addResource(
            plural: "imagetags", kind: "ImageTag", listKind: "ImageTagList", namespaced: true,
            verbs: tagVerbs, listAllNamespaces: true
        )

        // Every image group schema, whether or not a path names it, so `explain` finds the
        // nested types; apimachinery/core ones only as far as they are referenced.
        let roots = ImageV1Schemas.definitions.keys.filter { $0.hasPrefix(ImageV1Schemas.prefix) }
        return document(version: "image.openshift.io/v1", paths: builder.pathsObject, roots: Set(roots))
    }

    /// `api/v1`, limited to what Berth serves of the core group: namespaced secrets.
    public static func coreDocument() -> JSONValue {
        var builder = OpenAPIPathBuilder(.coreV1)
        builder.addResource(
            plural: "secrets", kind: "Secret", listKind: "SecretList", namespaced: true,
            verbs: [.list, .create, .deleteCollection, .get, .update, .patch, .delete]
        )
        return document(version: "v1", paths: builder.pathsObject, roots: [])
    }

    /// Built once per process (building and hashing the group document takes milliseconds):
    /// kubectl fetches the index and a document on nearly every invocation, and neither
    /// changes while Berth runs.
    public static let servedGroupDocument = groupDocument()
    public static let servedCoreDocument = coreDocument()
    public static let servedIndex = index(hashes: [
        groupPath: hash(of: servedGroupDocument),
        corePath: hash(of: servedCoreDocument),
    ])

    /// The document an index entry points at, by its index key (`apis/image.openshift.io/v1`,
    /// `api/v1`); nil for any other.
    public static func document(at path: String) -> JSONValue? {
        switch path {
        case groupPath: servedGroupDocument
        case corePath: servedCoreDocument
        default: nil
        }
    }

    /// `GET /openapi/v3`, given each document's hash keyed by its index path.
    public static func index(hashes: [String: String]) -> JSONValue {
        var entries: [String: JSONValue] = [:]
        for (path, hash) in hashes {
            entries[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
        }
        return ["paths": .object(entries)]
    }

    /// The index of both documents.
    public static func index() -> JSONValue { servedIndex }

    /// A stable hex hash of the document's sorted-keys JSON encoding: the `hash` query value
    /// clients key their cache on, so it must change whenever the document does.
    public static func hash(of document: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = FNV1a64()
        hasher.combine((try? encoder.encode(document)) ?? Data())
        return hasher.hex
    }

    // MARK: - Assembly

    private static func document(version: String, paths: JSONValue, roots: Set<String>) -> JSONValue {
        let schemas = closure(of: roots.union(references(in: paths)))
        return [
            "openapi": "3.0.0",
            "info": ["title": "Berth", "version": .string(version)],
            "paths": paths,
            "components": ["schemas": .object(schemas)],
        ]
    }

    /// The named definitions plus everything they reference, transitively.
    private static func closure(of names: Set<String>) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        var pending = Array(names)
        while let name = pending.popLast() {
            guard result[name] == nil, let definition = ImageV1Schemas.definitions[name] else { continue }
            result[name] = definition
            pending.append(contentsOf: references(in: definition).filter { result[$0] == nil })
        }
        return result
    }

    /// The component names of every `$ref` inside `value`.
    static func references(in value: JSONValue) -> Set<String> {
        var found: Set<String> = []
        collectReferences(in: value, into: &found)
        return found
    }

    private static func collectReferences(in value: JSONValue, into found: inout Set<String>) {
        switch value {
        case .object(let object):
            for (key, child) in object {
                if key == "$ref", case .string(let target) = child {
                    found.insert(target.hasPrefix(OpenAPISchema.componentsPrefix)
                        ? String(target.dropFirst(OpenAPISchema.componentsPrefix.count))
                        : target)
                } else {
                    collectReferences(in: child, into: &found)
                }
            }
        case .array(let array):
            for child in array { collectReferences(in: child, into: &found) }
        default:
            break
        }
    }
}
