/// Kubernetes `corev1.ObjectReference`: what a tag points at (`kind` DockerImage,
/// ImageStreamTag or ImageStreamImage, and a `name` whose form depends on the kind).
public struct ObjectReference: Codable, Sendable, Equatable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(kind: String? = nil, name: String? = nil, namespace: String? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }
}
