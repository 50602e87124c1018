/// The StackRox Scanner (v2).
public struct ClairifyConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var grpcEndpoint: String
    @Defaulted public var numConcurrentScans: Int32

    public init() {}
}
