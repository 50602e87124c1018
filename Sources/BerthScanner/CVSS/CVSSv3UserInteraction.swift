/// v3 `UI`. Split out of v2's access complexity so that needing a victim's
/// action is scored on its own rather than folded into "medium" complexity.
public enum CVSSv3UserInteraction: String, CVSSMetricValue, CVSSStackRoxEnum {
    case none = "N"
    case required = "R"

    public var stackRoxName: String {
        switch self {
        case .none: "UI_NONE"
        case .required: "UI_REQUIRED"
        }
    }

    /// v3.1 specification §7.4, Table 16.
    var weight: Double {
        switch self {
        case .none: 0.85
        case .required: 0.62
        }
    }
}
