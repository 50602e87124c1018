/// The v2 qualitative rating. The v2 guide defines none, so this follows
/// NVD's bands, where even 0.0 is Low: v2 has no "None" rating.
public enum CVSSv2Severity: CVSSStackRoxEnum {
    /// StackRox's zero value; a score outside 0.0...10.0 (or NaN) maps here
    /// rather than being forced into a band it does not belong to.
    case unknown
    case low
    case medium
    case high

    public init(score: Double) {
        switch score {
        case 0.0..<4.0: self = .low
        case 4.0..<7.0: self = .medium
        case 7.0...10.0: self = .high
        default: self = .unknown
        }
    }

    public var stackRoxName: String {
        switch self {
        case .unknown: "UNKNOWN"
        case .low: "LOW"
        case .medium: "MEDIUM"
        case .high: "HIGH"
        }
    }
}
