/// What discovery says about a resource, and what the generic handler needs to serve it.
public struct ResourceDescriptor: Sendable {
    public var group: String
    public var version: String
    /// The plural path name, with the subresource: `imagestreams`, `imagestreams/status`.
    public var name: String
    public var kind: String
    public var namespaced: Bool
    public var verbs: Set<String>
    /// Strategic-merge-patch list keys by field path (`spec.tags` → `name`).
    public var mergeKeys: [String: String]

    public init(group: String, version: String = "v1", name: String, kind: String, namespaced: Bool, verbs: Set<String>, mergeKeys: [String: String] = [:]) {
        self.group = group
        self.version = version
        self.name = name
        self.kind = kind
        self.namespaced = namespaced
        self.verbs = verbs
        self.mergeKeys = mergeKeys
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var listKind: String { kind + "List" }
    /// The resource without its subresource: `imagestreams` for `imagestreams/status`.
    public var resource: String { String(name.prefix { $0 != "/" }) }

    public static let allVerbs: Set<String> = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
}
