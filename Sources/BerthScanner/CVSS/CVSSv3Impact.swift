/// v3 `C`, `I` and `A` share one scale (high, low, none), so one type serves
/// all three.
public enum CVSSv3Impact: String, CVSSMetricValue, CVSSStackRoxEnum {
    case none = "N"
    case low = "L"
    case high = "H"

    public var stackRoxName: String {
        switch self {
        case .none: "IMPACT_NONE"
        case .low: "IMPACT_LOW"
        case .high: "IMPACT_HIGH"
        }
    }

    /// v3.1 specification §7.4, Table 16.
    var weight: Double {
        switch self {
        case .high: 0.56
        case .low: 0.22
        case .none: 0.0
        }
    }
}
