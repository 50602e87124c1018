/// Azure Container Registry: basic credentials, or workload identity when `wifEnabled`.
public struct AzureConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var username: String
    @Defaulted public var password: String
    @Defaulted public var wifEnabled: Bool

    public init() {}
}
