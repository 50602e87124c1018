/// The view of one tag of a stream (`<stream>:<tag>`); it shares the stream's uid and
/// resourceVersion, so any stream write changes it.
public struct ImageStreamTag: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var tag: TagReference?
    @Defaulted public var generation: Int64
    @Defaulted public var lookupPolicy: ImageLookupPolicy
    public var conditions: [TagEventCondition]?
    @Defaulted public var image: OpenShiftImage

    public init() {}
}
