/// `image.openshift.io/v1` ImageSignature, kept inside its image's `signatures`.
public struct ImageSignature: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var type: String
    /// base64, as Go writes `[]byte`.
    @Defaulted public var content: String
    public var conditions: [JSONValue]?
    public var imageIdentity: String?
    public var signedClaims: [String: String]?
    public var created: String?
    public var issuedBy: JSONValue?
    public var issuedTo: JSONValue?

    public init() {}
}
