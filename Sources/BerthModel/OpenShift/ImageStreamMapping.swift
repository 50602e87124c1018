/// How a registry records a push: an image plus the tag it now answers for.
public struct ImageStreamMapping: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var image: OpenShiftImage
    @Defaulted public var tag: String

    public init() {}
}
