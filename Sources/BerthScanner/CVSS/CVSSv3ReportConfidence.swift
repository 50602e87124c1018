/// v3 temporal `RC`.
public enum CVSSv3ReportConfidence: String, CVSSMetricValue {
    case notDefined = "X"
    case unknown = "U"
    case reasonable = "R"
    case confirmed = "C"

    /// v3.1 specification §7.4, Table 17.
    var weight: Double {
        switch self {
        case .notDefined, .confirmed: 1
        case .reasonable: 0.96
        case .unknown: 0.92
        }
    }
}
