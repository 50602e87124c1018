/// v2 `AV`. StackRox names the field `attackVector` even for v2, hence the
/// `ATTACK_` prefix on the enum names.
public enum CVSSv2AccessVector: String, CVSSMetricValue, CVSSStackRoxEnum {
    case local = "L"
    case adjacentNetwork = "A"
    case network = "N"

    public var stackRoxName: String {
        switch self {
        case .local: "ATTACK_LOCAL"
        case .adjacentNetwork: "ATTACK_ADJACENT"
        case .network: "ATTACK_NETWORK"
        }
    }

    /// v2 guide §3.2.1.
    var weight: Double {
        switch self {
        case .local: 0.395
        case .adjacentNetwork: 0.646
        case .network: 1.0
        }
    }
}
