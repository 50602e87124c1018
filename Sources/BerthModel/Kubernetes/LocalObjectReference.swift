/// Kubernetes `corev1.LocalObjectReference`: a name in the same namespace.
public struct LocalObjectReference: Codable, Sendable, Equatable {
    public var name: String?

    public init(name: String?) {
        self.name = name
    }
}
