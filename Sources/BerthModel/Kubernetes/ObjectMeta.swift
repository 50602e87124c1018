import Foundation

/// Kubernetes `metav1.ObjectMeta`. Every field is optional and omitted when unset, as Go's
/// `omitempty` does; times are kept as the RFC 3339 strings the wire carries, so a value
/// round-trips byte for byte.
public struct ObjectMeta: Codable, Sendable, Equatable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var creationTimestamp: String?
    public var deletionTimestamp: String?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [JSONValue]?
    public var finalizers: [String]?
    public var managedFields: [JSONValue]?

    public init(name: String? = nil, namespace: String? = nil) {
        self.name = name
        self.namespace = namespace
    }
}

extension ObjectMeta: ProtoDefault {
    public static var protoDefault: ObjectMeta { ObjectMeta() }
}
