/// Amazon ECR: IAM, access keys, an assumed role, or a ready authorization token.
public struct ECRConfig: Codable, Sendable, Equatable {
    @Defaulted public var registryId: String
    @Defaulted public var accessKeyId: String
    @Defaulted public var secretAccessKey: String
    @Defaulted public var region: String
    @Defaulted public var useIam: Bool
    @Defaulted public var endpoint: String
    @Defaulted public var useAssumeRole: Bool
    @Defaulted public var assumeRoleId: String
    @Defaulted public var assumeRoleExternalId: String
    @Defaulted public var authorizationData: ECRAuthorizationData?

    public init() {}
}
