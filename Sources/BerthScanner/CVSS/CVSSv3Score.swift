/// What StackRox's `storage.CVSSV3` carries besides the metric enums, plus
/// the temporal score. Base and temporal scores are `Roundup` results of the
/// vector's version; the subscores are rounded to the nearest tenth, which
/// is how NVD publishes them (`impactScore`, `exploitabilityScore`).
public struct CVSSv3Score: Sendable, Hashable {
    public let vector: String
    public let version: CVSSv3Version
    public let baseScore: Double
    public let impactScore: Double
    public let exploitabilityScore: Double
    /// Equals `baseScore` unless the vector carries `E`, `RL` or `RC`. Kept
    /// because it is the score where 3.0 and 3.1 visibly disagree (FIRST's
    /// 3.1 User Guide §2.6): no base vector scores differently under the
    /// two rounding rules, but `5.0 × 0.92` does.
    public let temporalScore: Double
    public let severity: CVSSv3Severity
}
