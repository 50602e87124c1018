/// What StackRox's `storage.CVSSV2` carries besides the metric enums: the
/// normalised vector and the three numbers NVD publishes, each already
/// rounded to one decimal so they compare equal to NVD's figures.
public struct CVSSv2Score: Sendable, Hashable {
    public let vector: String
    public let baseScore: Double
    public let impactScore: Double
    public let exploitabilityScore: Double
    public let severity: CVSSv2Severity
}
