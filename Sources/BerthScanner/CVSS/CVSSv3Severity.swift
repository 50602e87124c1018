/// The v3 qualitative rating (v3.1 specification §5). Unlike v2, a 0.0
/// vector rates None, not Low.
public enum CVSSv3Severity: CVSSStackRoxEnum {
    /// StackRox's zero value; a score outside 0.0...10.0 (or NaN) maps here
    /// rather than being forced into a band it does not belong to.
    case unknown
    case none
    case low
    case medium
    case high
    case critical

    public init(score: Double) {
        switch score {
        case 0.0: self = .none
        case 0.0..<4.0: self = .low
        case 4.0..<7.0: self = .medium
        case 7.0..<9.0: self = .high
        case 9.0...10.0: self = .critical
        default: self = .unknown
        }
    }

    public var stackRoxName: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .none: "NONE"
        case .low: "LOW"
        case .medium: "MEDIUM"
        case .high: "HIGH"
        case .critical: "CRITICAL"
        }
    }
}
