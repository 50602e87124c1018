/// The full view of one tag: spec, status and current image, each null when absent.
public struct ImageTag: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var spec: TagReference?
    @Defaulted public var status: NamedTagEventList?
    @Defaulted public var image: OpenShiftImage?

    public init() {}
}
