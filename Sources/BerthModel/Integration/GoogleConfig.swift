/// Google Artifact Registry / GCR, authenticated with a service-account JSON key.
public struct GoogleConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var serviceAccount: String
    @Defaulted public var project: String
    @Defaulted public var wifEnabled: Bool

    public init() {}
}
