/// StackRox Scanner V4; system-managed in StackRox, never created through the API.
public struct ScannerV4Config: Codable, Sendable, Equatable {
    @Defaulted public var numConcurrentScans: Int32
    @Defaulted public var indexerEndpoint: String
    @Defaulted public var matcherEndpoint: String

    public init() {}
}
