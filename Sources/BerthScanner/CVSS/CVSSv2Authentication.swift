/// v2 `Au`: how many times the attacker must authenticate. v3 replaced it
/// with privileges required, so there is no v3 counterpart to map it to.
public enum CVSSv2Authentication: String, CVSSMetricValue, CVSSStackRoxEnum {
    case multiple = "M"
    case single = "S"
    case none = "N"

    public var stackRoxName: String {
        switch self {
        case .multiple: "AUTH_MULTIPLE"
        case .single: "AUTH_SINGLE"
        case .none: "AUTH_NONE"
        }
    }

    /// v2 guide §3.2.1.
    var weight: Double {
        switch self {
        case .multiple: 0.45
        case .single: 0.56
        case .none: 0.704
        }
    }
}
