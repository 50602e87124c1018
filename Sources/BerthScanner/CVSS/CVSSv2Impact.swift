/// v2 `C`, `I` and `A` share one scale (none, partial, complete), so one
/// type serves all three.
public enum CVSSv2Impact: String, CVSSMetricValue, CVSSStackRoxEnum {
    case none = "N"
    case partial = "P"
    case complete = "C"

    public var stackRoxName: String {
        switch self {
        case .none: "IMPACT_NONE"
        case .partial: "IMPACT_PARTIAL"
        case .complete: "IMPACT_COMPLETE"
        }
    }

    /// v2 guide §3.2.1.
    var weight: Double {
        switch self {
        case .none: 0.0
        case .partial: 0.275
        case .complete: 0.660
        }
    }
}
