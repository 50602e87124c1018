/// Kubernetes `corev1.Secret`. `data` values are base64 as on the wire; Berth stores them
/// sealed and only shows them to callers allowed to read secrets.
public struct Secret: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    public var type: String?
    public var data: [String: String]?
    public var stringData: [String: String]?
    public var immutable: Bool?

    public init() {}
}
