/// Credentials from ECR's GetAuthorizationToken, usable as basic auth until `expiresAt`.
public struct ECRAuthorizationData: Codable, Sendable, Equatable {
    @Defaulted public var username: String
    @Defaulted public var password: String
    @Defaulted public var expiresAt: String?

    public init() {}
}
