/// Which integration an image's metadata or scan came from.
public struct DataSource: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: String
    @Defaulted public var mirror: String

    public init() {}
}
