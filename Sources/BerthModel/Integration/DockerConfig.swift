/// A generic Docker Registry HTTP API v2 endpoint with optional basic credentials.
public struct DockerConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var username: String
    @Defaulted public var password: String
    @Defaulted public var insecure: Bool

    public init() {}
}
