/// A CoreOS Clair v2 scanner.
public struct ClairConfig: Codable, Sendable, Equatable {
    @Defaulted public var endpoint: String
    @Defaulted public var insecure: Bool

    public init() {}
}
