public struct ImageStreamSpec: Codable, Sendable, Equatable, ProtoDefault {
    @Defaulted public var lookupPolicy: ImageLookupPolicy
    public var dockerImageRepository: String?
    public var tags: [TagReference]?

    public init() {}

    public static var protoDefault: ImageStreamSpec { ImageStreamSpec() }
}
