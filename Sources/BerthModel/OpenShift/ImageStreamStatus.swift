public struct ImageStreamStatus: Codable, Sendable, Equatable, ProtoDefault {
    @Defaulted public var dockerImageRepository: String
    public var publicDockerImageRepository: String?
    public var tags: [NamedTagEventList]?

    public init() {}

    public static var protoDefault: ImageStreamStatus { ImageStreamStatus() }
}
