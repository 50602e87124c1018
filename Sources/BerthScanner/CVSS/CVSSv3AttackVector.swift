/// v3 `AV`. Physical is new in v3 and has no v2 counterpart.
public enum CVSSv3AttackVector: String, CVSSMetricValue, CVSSStackRoxEnum {
    case local = "L"
    case adjacentNetwork = "A"
    case network = "N"
    case physical = "P"

    public var stackRoxName: String {
        switch self {
        case .local: "ATTACK_LOCAL"
        case .adjacentNetwork: "ATTACK_ADJACENT"
        case .network: "ATTACK_NETWORK"
        case .physical: "ATTACK_PHYSICAL"
        }
    }

    /// v3.1 specification §7.4, Table 16.
    var weight: Double {
        switch self {
        case .network: 0.85
        case .adjacentNetwork: 0.62
        case .local: 0.55
        case .physical: 0.2
        }
    }
}
