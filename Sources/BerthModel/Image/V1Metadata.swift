/// What the image config blob says: when and how the image was built and how it runs.
public struct V1Metadata: Codable, Sendable, Equatable {
    @Defaulted public var digest: String
    @Defaulted public var created: String?
    @Defaulted public var author: String
    @Defaulted public var layers: [ImageLayer]
    @Defaulted public var user: String
    @Defaulted public var command: [String]
    @Defaulted public var entrypoint: [String]
    @Defaulted public var volumes: [String]
    @Defaulted public var labels: [String: String]

    public init() {}
}
