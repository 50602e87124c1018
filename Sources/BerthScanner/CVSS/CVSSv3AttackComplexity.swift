/// v3 `AC`. v3 split v2's access complexity into this and user interaction,
/// which is why it has two levels where v2 had three.
public enum CVSSv3AttackComplexity: String, CVSSMetricValue, CVSSStackRoxEnum {
    case low = "L"
    case high = "H"

    public var stackRoxName: String {
        switch self {
        case .low: "COMPLEXITY_LOW"
        case .high: "COMPLEXITY_HIGH"
        }
    }

    /// v3.1 specification §7.4, Table 16.
    var weight: Double {
        switch self {
        case .low: 0.77
        case .high: 0.44
        }
    }
}
