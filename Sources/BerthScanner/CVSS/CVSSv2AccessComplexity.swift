/// v2 `AC`: v2 has three levels where v3's attack complexity has two.
public enum CVSSv2AccessComplexity: String, CVSSMetricValue, CVSSStackRoxEnum {
    case high = "H"
    case medium = "M"
    case low = "L"

    public var stackRoxName: String {
        switch self {
        case .high: "ACCESS_HIGH"
        case .medium: "ACCESS_MEDIUM"
        case .low: "ACCESS_LOW"
        }
    }

    /// v2 guide §3.2.1.
    var weight: Double {
        switch self {
        case .high: 0.35
        case .medium: 0.61
        case .low: 0.71
        }
    }
}
