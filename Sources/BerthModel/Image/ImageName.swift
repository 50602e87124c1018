/// An image's name as StackRox splits it: registry, remote (repository path), tag, and the full name.
public struct ImageName: Codable, Sendable, Equatable {
    @Defaulted public var registry: String
    @Defaulted public var remote: String
    @Defaulted public var tag: String
    @Defaulted public var fullName: String

    public init() {}
}
