/// `storage.CVSSV2`: a v2 vector, its metrics spelled as StackRox enums, and its scores.
public struct CVSSV2: Codable, Sendable, Equatable {
    @Defaulted public var vector: String
    @Defaulted public var attackVector: String
    @Defaulted public var accessComplexity: String
    @Defaulted public var authentication: String
    @Defaulted public var confidentiality: String
    @Defaulted public var integrity: String
    @Defaulted public var availability: String
    @Defaulted public var exploitabilityScore: Double
    @Defaulted public var impactScore: Double
    @Defaulted public var score: Double
    @Defaulted public var severity: String

    public init() {}
}
