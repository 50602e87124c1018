/// One severity rating. `score` is a vector string (`CVSS:3.1/AV:N/...`) or,
/// for `type == "Ubuntu"`, a priority word: never a number, so it stays text
/// and base scores are computed by whoever needs them.
public struct OSVSeverity: Sendable, Hashable, Codable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4` or `Ubuntu`; kept open because the
    /// schema adds types over time.
    public var type: String
    public var score: String

    public init(type: String, score: String) {
        self.type = type
        self.score = score
    }
}
