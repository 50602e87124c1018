/// The manifest digest an image was fetched by.
public struct V2Metadata: Codable, Sendable, Equatable {
    @Defaulted public var digest: String

    public init() {}
}
