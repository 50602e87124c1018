/// A Clair v4 scanner (indexer and matcher behind one endpoint).
public struct ClairV4Config: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var insecure: Bool

    public init() {}
}
