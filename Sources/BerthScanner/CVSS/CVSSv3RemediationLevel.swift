/// v3 temporal `RL`.
public enum CVSSv3RemediationLevel: String, CVSSMetricValue {
    case notDefined = "X"
    case officialFix = "O"
    case temporaryFix = "T"
    case workaround = "W"
    case unavailable = "U"

    /// v3.1 specification §7.4, Table 17.
    var weight: Double {
        switch self {
        case .notDefined, .unavailable: 1
        case .workaround: 0.97
        case .temporaryFix: 0.96
        case .officialFix: 0.95
        }
    }
}
