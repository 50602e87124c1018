/// One API group version as an OpenAPI v3 document names it: the URL prefix its paths hang
/// from, the key of its entry in the `/openapi/v3` index, and the infix kube-openapi puts in
/// operation ids (`listImageOpenshiftIoV1NamespacedImageStream`, `readCoreV1NamespacedSecret`).
struct OpenAPIGroupVersion: Sendable {
    let group: String
    let version: String

    static let imageV1 = OpenAPIGroupVersion(group: "image.openshift.io", version: "v1")
    static let coreV1 = OpenAPIGroupVersion(group: "", version: "v1")

    /// `apis/image.openshift.io/v1` or `api/v1`, without the leading slash, as in the index.
    var documentPath: String {
        group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
    }

    var pathPrefix: String { "/" + documentPath }

    /// The group's camel-cased words, "Core" for the legacy group.
    private var groupWords: String {
        guard !group.isEmpty else { return "Core" }
        return group.split(separator: ".").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    var operationIdInfix: String {
        groupWords + version.prefix(1).uppercased() + version.dropFirst()
    }

    var tag: String {
        let words = groupWords
        return words.prefix(1).lowercased() + words.dropFirst() + "_" + version
    }
}
