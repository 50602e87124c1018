/// IBM Cloud Container Registry; the API key is the password of the fixed user `iamapikey`.
public struct IBMRegistryConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var apiKey: String

    public init() {}
}
