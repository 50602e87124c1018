/// v3 `PR`. Its weight is the one base weight that depends on another
/// metric: privileges on a component whose breach changes scope count for
/// more, because the attacker ends up beyond what those privileges granted.
public enum CVSSv3PrivilegesRequired: String, CVSSMetricValue, CVSSStackRoxEnum {
    case none = "N"
    case low = "L"
    case high = "H"

    public var stackRoxName: String {
        switch self {
        case .none: "PRIVILEGE_NONE"
        case .low: "PRIVILEGE_LOW"
        case .high: "PRIVILEGE_HIGH"
        }
    }

    /// v3.1 specification §7.4, Table 16.
    func weight(scope: CVSSv3Scope) -> Double {
        switch (self, scope) {
        case (.none, _): 0.85
        case (.low, .unchanged): 0.62
        case (.low, .changed): 0.68
        case (.high, .unchanged): 0.27
        case (.high, .changed): 0.5
        }
    }
}
