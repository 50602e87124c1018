/// One entry of the config's history: the Dockerfile instruction that made a layer (or an empty one).
public struct ImageLayer: Codable, Sendable, Equatable {
    @Defaulted public var instruction: String
    @Defaulted public var value: String
    @Defaulted public var created: String?
    @Defaulted public var author: String
    @Defaulted public var empty: Bool

    public init() {}
}
