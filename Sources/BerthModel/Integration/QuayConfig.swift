/// Quay as a registry (robot account or OAuth token) and as a scanner (OAuth token).
public struct QuayConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var oauthToken: String
    @Defaulted public var insecure: Bool
    @Defaulted public var registryRobotCredentials: QuayRobotAccount?

    public init() {}
}
