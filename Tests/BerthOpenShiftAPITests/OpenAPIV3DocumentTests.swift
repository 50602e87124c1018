import BerthModel
import Foundation
import Testing

@testable import BerthOpenShiftAPI

@Suite("OpenAPI v3 documents")
struct OpenAPIV3DocumentTests {
    let group = OpenAPIV3Document.groupDocument()
    let core = OpenAPIV3Document.coreDocument()

    private func schemas(_ document: JSONValue) -> [String: JSONValue] {
        document["components"]?["schemas"]?.objectValue ?? [:]
    }

    private func operation(_ document: JSONValue, _ path: String, _ method: String) -> JSONValue? {
        document["paths"]?[path]?[method]
    }

    private func parameterNames(_ operation: JSONValue?) -> [String] {
        (operation?["parameters"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    private func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test("every $ref of both documents names one of their component schemas")
    func referencesResolve() {
        for document in [group, core] {
            let defined = Set(schemas(document).keys)
            let referenced = OpenAPIV3Document.references(in: document)
            #expect(!referenced.isEmpty)
            #expect(referenced.subtracting(defined).isEmpty, "unresolved: \(referenced.subtracting(defined).sorted())")
            for reference in referenced {
                #expect(!reference.hasPrefix("#"), "\(reference) is not under #/components/schemas/")
            }
        }
    }

    @Test("every definition's own references resolve within the definitions")
    func definitionsAreClosed() {
        let referenced = OpenAPIV3Document.references(in: .object(ImageV1Schemas.definitions))
        #expect(referenced.subtracting(ImageV1Schemas.definitions.keys).isEmpty)
    }

    /// The PATCH operations kubectl's field-validation probe and `apply` look for, per GVK.
    static let patchable: [(path: String, group: String, kind: String)] = [
        ("/apis/image.openshift.io/v1/images/{name}", "image.openshift.io", "Image"),
        ("/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreams/{name}", "image.openshift.io", "ImageStream"),
        ("/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreams/{name}/status", "image.openshift.io", "ImageStream"),
        ("/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamtags/{name}", "image.openshift.io", "ImageStreamTag"),
        ("/apis/image.openshift.io/v1/namespaces/{namespace}/imagetags/{name}", "image.openshift.io", "ImageTag"),
    ]

    @Test("each patchable kind has a PATCH with fieldValidation, its GVK and a strategic-merge body", arguments: patchable)
    func patchOperations(path: String, group groupName: String, kind: String) throws {
        let patch = try #require(operation(group, path, "patch"))
        #expect(patch["x-kubernetes-group-version-kind"] == ["group": .string(groupName), "version": "v1", "kind": .string(kind)])
        #expect(patch["x-kubernetes-action"] == "patch")
        #expect(Set(parameterNames(patch)).isSuperset(of: ["dryRun", "fieldManager", "fieldValidation", "force"]))
        let content = try #require(patch["requestBody"]?["content"]?.objectValue)
        #expect(Set(content.keys) == [
            "application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json", "application/apply-patch+yaml",
        ])
    }

    @Test("core secrets have a PATCH with fieldValidation and the core GVK")
    func corePatch() throws {
        let patch = try #require(operation(core, "/api/v1/namespaces/{namespace}/secrets/{name}", "patch"))
        #expect(patch["x-kubernetes-group-version-kind"] == ["group": "", "version": "v1", "kind": "Secret"])
        #expect(parameterNames(patch).contains("fieldValidation"))
        let list = try #require(operation(core, "/api/v1/namespaces/{namespace}/secrets", "get"))
        #expect(list["responses"]?["200"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/io.k8s.api.core.v1.SecretList"])
        #expect(schemas(core)["io.k8s.api.core.v1.SecretList"]?["x-kubernetes-group-version-kind"] == [["group": "", "version": "v1", "kind": "SecretList"]])
        #expect(schemas(core)["io.k8s.api.core.v1.Secret"]?["x-kubernetes-group-version-kind"] == [["group": "", "version": "v1", "kind": "Secret"]])
        #expect(schemas(core).keys.allSatisfy { !$0.hasPrefix(ImageV1Schemas.prefix) })
    }

    /// client-go stops at the first PATCH it finds for a GVK, in map order: all of them must
    /// carry the parameter, and every write must accept it.
    @Test("every POST, PUT and PATCH takes fieldValidation; every operation names a GVK and an action")
    func everyWriteTakesFieldValidation() throws {
        for document in [group, core] {
            let paths = try #require(document["paths"]?.objectValue)
            for (path, item) in paths {
                for (method, op) in item.objectValue ?? [:] where method != "parameters" {
                    #expect(op["operationId"]?.stringValue?.isEmpty == false, "\(method) \(path)")
                    #expect(op["x-kubernetes-action"]?.stringValue != nil, "\(method) \(path)")
                    #expect(op["x-kubernetes-group-version-kind"]?.objectValue != nil, "\(method) \(path)")
                    if ["post", "put", "patch"].contains(method) {
                        #expect(parameterNames(op).contains("fieldValidation"), "\(method) \(path)")
                    }
                    // Client-side apply then looks the kind up by the schemas' GVK lists.
                    if method == "patch", let gvk = op["x-kubernetes-group-version-kind"] {
                        let owners = schemas(document).values.filter { ($0["x-kubernetes-group-version-kind"]?.arrayValue ?? []).contains(gvk) }
                        #expect(owners.count == 1, "\(path): \(gvk)")
                    }
                }
            }
        }
    }

    @Test("operations exist exactly for the methods of the endpoint table")
    func endpointTable() throws {
        let ns = "/apis/image.openshift.io/v1/namespaces/{namespace}"
        let root = "/apis/image.openshift.io/v1"
        let expected: [String: Set<String>] = [
            "\(root)/images": ["get", "post", "delete"],
            "\(root)/watch/images": ["get"],
            "\(root)/images/{name}": ["get", "put", "patch", "delete"],
            "\(root)/watch/images/{name}": ["get"],
            "\(root)/imagesignatures": ["post"],
            "\(root)/imagesignatures/{name}": ["delete"],
            "\(ns)/imagestreamimages/{name}": ["get"],
            "\(ns)/imagestreamimports": ["post"],
            "\(ns)/imagestreammappings": ["post"],
            "\(root)/imagestreams": ["get"],
            "\(root)/watch/imagestreams": ["get"],
            "\(ns)/imagestreams": ["get", "post", "delete"],
            "\(root)/watch/namespaces/{namespace}/imagestreams": ["get"],
            "\(ns)/imagestreams/{name}": ["get", "put", "patch", "delete"],
            "\(root)/watch/namespaces/{namespace}/imagestreams/{name}": ["get"],
            "\(ns)/imagestreams/{name}/layers": ["get"],
            "\(ns)/imagestreams/{name}/secrets": ["get"],
            "\(ns)/imagestreams/{name}/status": ["get", "put", "patch"],
            "\(root)/imagestreamtags": ["get"],
            "\(ns)/imagestreamtags": ["get", "post"],
            "\(ns)/imagestreamtags/{name}": ["get", "put", "patch", "delete"],
            "\(root)/imagetags": ["get"],
            "\(ns)/imagetags": ["get", "post"],
            "\(ns)/imagetags/{name}": ["get", "put", "patch", "delete"],
        ]
        let paths = try #require(group["paths"]?.objectValue)
        #expect(Set(paths.keys) == Set(expected.keys))
        for (path, methods) in expected {
            let actual = Set((paths[path]?.objectValue ?? [:]).keys).subtracting(["parameters"])
            #expect(actual == methods, "\(path)")
        }
    }

    @Test("operation ids, GVKs and bodies follow the apiserver's installer")
    func operationDetails() throws {
        let ns = "/apis/image.openshift.io/v1/namespaces/{namespace}"
        let list = try #require(operation(group, "\(ns)/imagestreams", "get"))
        #expect(list["operationId"] == "listImageOpenshiftIoV1NamespacedImageStream")
        #expect(list["x-kubernetes-action"] == "list")
        #expect(list["x-kubernetes-group-version-kind"] == ["group": "image.openshift.io", "version": "v1", "kind": "ImageStream"])
        #expect(Set(parameterNames(list)) == [
            "allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit",
            "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch",
        ])
        #expect(list["responses"]?["200"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/com.github.openshift.api.image.v1.ImageStreamList"])

        let all = try #require(operation(group, "/apis/image.openshift.io/v1/imagestreamtags", "get"))
        #expect(all["operationId"] == "listImageOpenshiftIoV1ImageStreamTagForAllNamespaces")
        #expect(all["description"] == "list objects of kind ImageStreamTag")

        let create = try #require(operation(group, "\(ns)/imagestreamimports", "post"))
        #expect(create["operationId"] == "createImageOpenshiftIoV1NamespacedImageStreamImport")
        #expect(create["requestBody"]?["content"]?["*/*"]?["schema"] == ["$ref": "#/components/schemas/com.github.openshift.api.image.v1.ImageStreamImport"])
        #expect(Set(parameterNames(create)) == ["dryRun", "fieldManager", "fieldValidation"])

        let mapping = try #require(operation(group, "\(ns)/imagestreammappings", "post"))
        #expect(mapping["responses"]?["201"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status"])

        let layers = try #require(operation(group, "\(ns)/imagestreams/{name}/layers", "get"))
        #expect(layers["operationId"] == "readImageOpenshiftIoV1NamespacedImageStreamLayers")
        #expect(layers["x-kubernetes-group-version-kind"] == ["group": "image.openshift.io", "version": "v1", "kind": "ImageStreamLayers"])

        let secrets = try #require(operation(group, "\(ns)/imagestreams/{name}/secrets", "get"))
        #expect(secrets["x-kubernetes-group-version-kind"] == ["group": "image.openshift.io", "version": "v1", "kind": "SecretList"])
        #expect(parameterNames(secrets).contains("limit"))
        #expect(secrets["responses"]?["200"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/com.github.openshift.api.image.v1.SecretList"])

        let deleteCollection = try #require(operation(group, "/apis/image.openshift.io/v1/images", "delete"))
        #expect(deleteCollection["operationId"] == "deleteImageOpenshiftIoV1CollectionImage")
        #expect(deleteCollection["x-kubernetes-action"] == "deletecollection")
        #expect(!parameterNames(deleteCollection).contains("watch"))
        #expect(parameterNames(deleteCollection).contains("propagationPolicy"))

        let watch = try #require(operation(group, "/apis/image.openshift.io/v1/watch/namespaces/{namespace}/imagestreams/{name}", "get"))
        #expect(watch["x-kubernetes-action"] == "watch")
        #expect(watch["responses"]?["200"]?["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent"])

        let itemParameters = group["paths"]?["\(ns)/imagestreams/{name}"]?["parameters"]?.arrayValue ?? []
        #expect(itemParameters.compactMap { $0["name"]?.stringValue } == ["name", "namespace", "pretty"])
        #expect(itemParameters.first?["in"] == "path")
        #expect(itemParameters.first?["required"] == true)
    }

    @Test("image group schemas carry their GVK list", arguments: [
        "Image", "ImageList", "ImageSignature", "ImageStream", "ImageStreamList", "ImageStreamImage",
        "ImageStreamImport", "ImageStreamLayers", "ImageStreamMapping", "ImageStreamTag",
        "ImageStreamTagList", "ImageTag", "ImageTagList", "SecretList",
    ])
    func schemaGVKs(kind: String) throws {
        let schema = try #require(schemas(group)[ImageV1Schemas.name(kind)])
        #expect(schema["x-kubernetes-group-version-kind"] == [["group": "image.openshift.io", "version": "v1", "kind": .string(kind)]])
        #expect(schema["properties"]?["apiVersion"] != nil)
        #expect(schema["properties"]?["kind"] != nil)
    }

    @Test("every image type of the brief is a component of the group document")
    func allImageTypes() {
        let types = [
            "Image", "ImageList", "ImageLayer", "ImageManifest", "ImageSignature", "SignatureCondition",
            "SignatureIssuer", "SignatureSubject", "ImageStream", "ImageStreamList", "ImageStreamSpec",
            "ImageStreamStatus", "ImageLookupPolicy", "TagReference", "TagImportPolicy", "TagReferencePolicy",
            "NamedTagEventList", "TagEvent", "TagEventCondition", "ImageStreamImage", "ImageStreamImport",
            "ImageStreamImportSpec", "ImageStreamImportStatus", "ImageImportSpec", "ImageImportStatus",
            "RepositoryImportSpec", "RepositoryImportStatus", "ImageStreamLayers", "ImageLayerData",
            "ImageBlobReferences", "ImageStreamMapping", "ImageStreamTag", "ImageStreamTagList", "ImageTag",
            "ImageTagList", "SecretList",
        ]
        let meta = ["ObjectMeta", "ListMeta", "Time", "Status", "StatusDetails", "StatusCause"].map { "io.k8s.apimachinery.pkg.apis.meta.v1." + $0 }
        let core = ["ObjectReference", "LocalObjectReference", "Secret"].map { "io.k8s.api.core.v1." + $0 }
        let names = types.map(ImageV1Schemas.name) + meta + core
        let defined = schemas(group)
        for name in names {
            #expect(defined[name] != nil, "\(name)")
        }
        #expect(ImageV1Schemas.schemaName(group: "image.openshift.io", kind: "ImageStream") == "com.github.openshift.api.image.v1.ImageStream")
        #expect(ImageV1Schemas.schemaName(group: "", kind: "Secret") == "io.k8s.api.core.v1.Secret")
        #expect(ImageV1Schemas.schemaName(group: "apps", kind: "Deployment") == nil)
    }

    @Test("ImageStream and TagReference: property names, refs and required lists")
    func imageStreamSchema() throws {
        let defs = ImageV1Schemas.definitions
        let stream = try #require(defs["com.github.openshift.api.image.v1.ImageStream"])
        #expect(Set(stream["properties"]?.objectValue?.keys ?? [:].keys) == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(stream["properties"]?["spec"]?["allOf"] == [["$ref": "#/components/schemas/com.github.openshift.api.image.v1.ImageStreamSpec"]])
        #expect(stream["properties"]?["metadata"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]])

        let spec = try #require(defs["com.github.openshift.api.image.v1.ImageStreamSpec"])
        #expect(Set(spec["properties"]?.objectValue?.keys ?? [:].keys) == ["dockerImageRepository", "lookupPolicy", "tags"])
        let status = try #require(defs["com.github.openshift.api.image.v1.ImageStreamStatus"])
        #expect(strings(status["required"]) == ["dockerImageRepository"])
        #expect(strings(defs["com.github.openshift.api.image.v1.ImageLookupPolicy"]?["required"]) == ["local"])

        let tag = try #require(defs["com.github.openshift.api.image.v1.TagReference"])
        #expect(Set(tag["properties"]?.objectValue?.keys ?? [:].keys) == [
            "annotations", "from", "generation", "importPolicy", "name", "reference", "referencePolicy",
        ])
        #expect(strings(tag["required"]) == ["name"])
        #expect(tag["properties"]?["from"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.api.core.v1.ObjectReference"]])
        #expect(tag["properties"]?["generation"]?["format"] == "int64")
        #expect(tag["properties"]?["annotations"]?["additionalProperties"]?["type"] == "string")
        #expect(strings(defs["com.github.openshift.api.image.v1.TagReferencePolicy"]?["required"]) == ["type"])
        #expect(strings(defs["com.github.openshift.api.image.v1.NamedTagEventList"]?["required"]) == ["tag", "items"])
        #expect(strings(defs["com.github.openshift.api.image.v1.TagEvent"]?["required"]) == ["created", "dockerImageReference", "image", "generation"])
        #expect(strings(defs["com.github.openshift.api.image.v1.TagEventCondition"]?["required"]) == ["type", "status", "generation"])
        #expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]?["type"] == "string")
        #expect(defs["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]?["format"] == "date-time")
    }

    @Test("ImageStreamImport: spec and images required lists")
    func imageStreamImportSchema() throws {
        let defs = ImageV1Schemas.definitions
        let isi = try #require(defs["com.github.openshift.api.image.v1.ImageStreamImport"])
        #expect(strings(isi["required"]) == ["spec", "status"])
        let spec = try #require(defs["com.github.openshift.api.image.v1.ImageStreamImportSpec"])
        #expect(strings(spec["required"]) == ["import"])
        #expect(spec["properties"]?["images"]?["items"] == ["$ref": "#/components/schemas/com.github.openshift.api.image.v1.ImageImportSpec"])
        let image = try #require(defs["com.github.openshift.api.image.v1.ImageImportSpec"])
        #expect(strings(image["required"]) == ["from"])
        #expect(Set(image["properties"]?.objectValue?.keys ?? [:].keys) == ["from", "to", "importPolicy", "referencePolicy", "includeManifest"])
        #expect(image["properties"]?["to"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.api.core.v1.LocalObjectReference"]])
        #expect(strings(defs["com.github.openshift.api.image.v1.RepositoryImportSpec"]?["required"]) == ["from"])
        #expect(strings(defs["com.github.openshift.api.image.v1.ImageImportStatus"]?["required"]) == ["status"])
        #expect(defs["com.github.openshift.api.image.v1.ImageImportStatus"]?["properties"]?["status"]?["allOf"] == [["$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status"]])
    }

    @Test("other required lists from the seed")
    func otherRequiredLists() {
        let defs = ImageV1Schemas.definitions
        func required(_ type: String) -> [String] { strings(defs[ImageV1Schemas.name(type)]?["required"]) }
        #expect(required("ImageLayer") == ["name", "size", "mediaType"])
        #expect(required("ImageManifest") == ["digest", "mediaType", "manifestSize", "architecture", "os"])
        #expect(required("ImageSignature") == ["type", "content"])
        #expect(required("SignatureCondition") == ["type", "status"])
        #expect(required("SignatureSubject") == ["publicKeyID"])
        #expect(required("ImageStreamImage") == ["image"])
        #expect(required("ImageStreamLayers") == ["blobs", "images"])
        #expect(required("ImageLayerData") == ["size", "mediaType"])
        #expect(required("ImageStreamMapping") == ["image", "tag"])
        #expect(required("ImageStreamTag") == ["tag", "generation", "lookupPolicy", "image"])
        #expect(required("ImageTag") == ["spec", "status", "image"])
        #expect(required("SecretList") == ["items"])
    }

    @Test("strategic merge metadata sits on the list properties §3.7 names")
    func mergeKeys() throws {
        let defs = ImageV1Schemas.definitions
        // Image.signatures keeps upstream's SMP key `name`, which is no field of ImageSignature
        // (it lives in metadata): a list-map key must be one, so that list has no list-type.
        let cases: [(type: String, property: String, key: String, listMap: Bool)] = [
            ("ImageStreamSpec", "tags", "name", true),
            ("ImageStreamStatus", "tags", "tag", true),
            ("Image", "signatures", "name", false),
            ("ImageSignature", "conditions", "type", true),
        ]
        for (type, property, key, listMap) in cases {
            let list = try #require(defs[ImageV1Schemas.name(type)]?["properties"]?[property])
            #expect(list["type"] == "array")
            #expect(list["x-kubernetes-patch-merge-key"] == .string(key), "\(type).\(property)")
            #expect(list["x-kubernetes-patch-strategy"] == "merge", "\(type).\(property)")
            if listMap {
                #expect(list["x-kubernetes-list-type"] == "map", "\(type).\(property)")
                #expect(list["x-kubernetes-list-map-keys"] == [.string(key)], "\(type).\(property)")
                // Each list-map key is a required scalar of the item.
                let item = try #require(list["items"]?["$ref"]?.stringValue?.replacingOccurrences(of: "#/components/schemas/", with: ""))
                #expect(defs[item]?["properties"]?[key]?["type"] == "string", "\(item).\(key)")
                let required = strings(defs[item]?["required"])
                #expect(required.contains(key), "\(item).\(key)")
            } else {
                #expect(list["x-kubernetes-list-type"] == nil, "\(type).\(property)")
            }
        }
        // The patch metadata must sit on the property itself: kubectl reads it before it
        // follows `items`, `allOf` or `$ref`.
        let tagItems = defs[ImageV1Schemas.name("ImageStreamSpec")]?["properties"]?["tags"]?["items"]
        #expect(tagItems == ["$ref": "#/components/schemas/com.github.openshift.api.image.v1.TagReference"])
        let metadata = try #require(defs[ImageV1Schemas.name("Image")]?["properties"]?["dockerImageMetadata"])
        #expect(metadata["x-kubernetes-patch-strategy"] == "replace")
        #expect(metadata["type"] == "object")
        #expect(metadata["x-kubernetes-preserve-unknown-fields"] == true)

        let objectMeta = try #require(defs["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"])
        #expect(objectMeta["properties"]?["labels"]?["additionalProperties"]?["type"] == "string")
        #expect(objectMeta["properties"]?["annotations"]?["additionalProperties"]?["type"] == "string")
        #expect(objectMeta["properties"]?["ownerReferences"]?["x-kubernetes-patch-merge-key"] == "uid")
        #expect(objectMeta["properties"]?["finalizers"]?["x-kubernetes-patch-strategy"] == "merge")
    }

    @Test("[]byte fields are base64 strings")
    func byteFields() {
        let defs = ImageV1Schemas.definitions
        let content = defs[ImageV1Schemas.name("ImageSignature")]?["properties"]?["content"]
        #expect(content?["type"] == "string")
        #expect(content?["format"] == "byte")
        let data = defs["io.k8s.api.core.v1.Secret"]?["properties"]?["data"]?["additionalProperties"]
        #expect(data == ["type": "string", "format": "byte"])
        #expect(defs[ImageV1Schemas.name("Image")]?["properties"]?["dockerImageSignatures"]?["items"]?["format"] == "byte")
    }

    @Test("the hash is stable and follows the document")
    func hashStability() {
        let first = OpenAPIV3Document.hash(of: OpenAPIV3Document.groupDocument())
        let second = OpenAPIV3Document.hash(of: OpenAPIV3Document.groupDocument())
        #expect(first == second)
        #expect(first.count == 16)
        #expect(first.allSatisfy { $0.isHexDigit })

        guard case .object(var changed) = group else {
            Issue.record("group document is not an object")
            return
        }
        changed["info"] = ["title": "Berth", "version": "changed"]
        #expect(OpenAPIV3Document.hash(of: .object(changed)) != first)
        #expect(OpenAPIV3Document.hash(of: core) != first)
        #expect(OpenAPIV3Document.hash(of: core) == OpenAPIV3Document.hash(of: OpenAPIV3Document.coreDocument()))
    }

    @Test("FNV-1a 64 matches its published test vectors")
    func fnvVectors() {
        var empty = FNV1a64()
        empty.combine([UInt8]())
        #expect(empty.hex == "CBF29CE484222325")
        var a = FNV1a64()
        a.combine(Array("a".utf8))
        #expect(a.hex == "AF63DC4C8601EC8C")
        var foobar = FNV1a64()
        foobar.combine(Array("foobar".utf8))
        #expect(foobar.hex == "85944171F73967E8")
    }

    @Test("the index points at each document by hash")
    func index() {
        let index = OpenAPIV3Document.index(hashes: ["apis/image.openshift.io/v1": "ABC", "api/v1": "DEF"])
        #expect(index == [
            "paths": [
                "apis/image.openshift.io/v1": ["serverRelativeURL": "/openapi/v3/apis/image.openshift.io/v1?hash=ABC"],
                "api/v1": ["serverRelativeURL": "/openapi/v3/api/v1?hash=DEF"],
            ],
        ])
        let computed = OpenAPIV3Document.index()
        let url = computed["paths"]?["apis/image.openshift.io/v1"]?["serverRelativeURL"]?.stringValue
        #expect(url == "/openapi/v3/apis/image.openshift.io/v1?hash=" + OpenAPIV3Document.hash(of: group))
        #expect(computed["paths"]?["api/v1"]?["serverRelativeURL"]?.stringValue?.hasPrefix("/openapi/v3/api/v1?hash=") == true)
        #expect(OpenAPIV3Document.document(at: "api/v1") == core)
        #expect(OpenAPIV3Document.document(at: "apis/image.openshift.io/v1") == group)
        #expect(OpenAPIV3Document.document(at: "apis/apps/v1") == nil)
    }

    @Test("each document encodes as an OpenAPI 3.0.0 JSON object", arguments: ["apis/image.openshift.io/v1", "api/v1"])
    func encoding(path: String) throws {
        let document = try #require(OpenAPIV3Document.document(at: path))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(document)
        let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(decoded["openapi"] as? String == "3.0.0")
        let info = try #require(decoded["info"] as? [String: Any])
        #expect(info["title"] as? String == "Berth")
        #expect(info["version"] is String)
        #expect(decoded["paths"] is [String: Any])
        let components = try #require(decoded["components"] as? [String: Any])
        #expect(components["schemas"] is [String: Any])
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == document)
    }
}
