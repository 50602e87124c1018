/// v3 `S`. It has no weight of its own; it switches the impact formula,
/// the privileges-required weights and the 1.08 multiplier.
public enum CVSSv3Scope: String, CVSSMetricValue, CVSSStackRoxEnum {
    case unchanged = "U"
    case changed = "C"

    public var stackRoxName: String {
        switch self {
        case .unchanged: "UNCHANGED"
        case .changed: "CHANGED"
        }
    }
}
