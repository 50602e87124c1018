/// One entry of an `APIResourceList`: what kubectl and the Python DynamicClient learn a
/// resource's kind, scope, verbs and short names from.
struct APIResourceInfo: Encodable {
    var name: String
    var singularName: String
    var namespaced: Bool
    var kind: String
    var verbs: [String]
    var shortNames: [String]?
    var categories: [String]?

    private static let all = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    /// The group's resources in discovery order (reference/openshift.md §2.0 and §3.2).
    static let imageV1: [APIResourceInfo] = [
        .init(name: "images", singularName: "image", namespaced: false, kind: "Image", verbs: all),
        .init(name: "imagesignatures", singularName: "imagesignature", namespaced: false, kind: "ImageSignature", verbs: ["create", "delete"]),
        .init(name: "imagestreamimages", singularName: "imagestreamimage", namespaced: true, kind: "ImageStreamImage", verbs: ["get"], shortNames: ["isimage"]),
        .init(name: "imagestreamimports", singularName: "imagestreamimport", namespaced: true, kind: "ImageStreamImport", verbs: ["create"]),
        .init(name: "imagestreammappings", singularName: "imagestreammapping", namespaced: true, kind: "ImageStreamMapping", verbs: ["create"]),
        .init(name: "imagestreams", singularName: "imagestream", namespaced: true, kind: "ImageStream", verbs: all, shortNames: ["is"], categories: ["all"]),
        .init(name: "imagestreams/layers", singularName: "", namespaced: true, kind: "ImageStreamLayers", verbs: ["get"]),
        .init(name: "imagestreams/secrets", singularName: "", namespaced: true, kind: "SecretList", verbs: ["get"]),
        .init(name: "imagestreams/status", singularName: "", namespaced: true, kind: "ImageStream", verbs: ["get", "patch", "update"]),
        .init(name: "imagestreamtags", singularName: "imagestreamtag", namespaced: true, kind: "ImageStreamTag", verbs: ["create", "delete", "get", "list", "patch", "update"], shortNames: ["istag"]),
        .init(name: "imagetags", singularName: "imagetag", namespaced: true, kind: "ImageTag", verbs: ["create", "delete", "get", "list", "patch", "update"], shortNames: ["itag"]),
    ]
}
