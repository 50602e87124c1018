/// `storage.CVSSV3`: a v3.x vector, its metrics spelled as StackRox enums, and its scores.
public struct CVSSV3: Codable, Sendable, Equatable {
    @Defaulted public var vector: String
    @Defaulted public var exploitabilityScore: Double
    @Defaulted public var impactScore: Double
    @Defaulted public var attackVector: String
    @Defaulted public var attackComplexity: String
    @Defaulted public var privilegesRequired: String
    @Defaulted public var userInteraction: String
    @Defaulted public var scope: String
    @Defaulted public var confidentiality: String
    @Defaulted public var integrity: String
    @Defaulted public var availability: String
    @Defaulted public var score: Double
    @Defaulted public var severity: String

    public init() {}
}
