/// `PATCH /v1/imageintegrations/{config.id}` and `/test/updated`: with `updatePassword`
/// false, the stored secrets of the existing integration are kept.
public struct UpdateImageIntegrationRequest: Codable, Sendable, Equatable {
    public var config: ImageIntegration?
    @Defaulted public var updatePassword: Bool

    public init(config: ImageIntegration?, updatePassword: Bool) {
        self.config = config
        self.updatePassword = updatePassword
    }
}
