import BerthModel

/// A top-level Kubernetes object the generic store-backed resource can keep.
public protocol KubeObject: Codable, Sendable {
    var apiVersion: String? { get set }
    var kind: String? { get set }
    var metadata: ObjectMeta { get set }
}

extension ImageStream: KubeObject {}
extension Secret: KubeObject {}
extension OpenShiftImage: KubeObject {}
