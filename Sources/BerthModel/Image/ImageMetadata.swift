/// Registry metadata of an image: config (v1), manifest digest (v2), layer digests, source.
public struct ImageMetadata: Codable, Sendable, Equatable {
    @Defaulted public var v1: V1Metadata?
    @Defaulted public var v2: V2Metadata?
    @Defaulted public var layerShas: [String]
    @Defaulted public var dataSource: DataSource?
    @Defaulted public var version: String

    public init() {}
}
