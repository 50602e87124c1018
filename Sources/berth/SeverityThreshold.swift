import ArgumentParser
import BerthModel

/// `--fail-on`: StackRox's severity names without their `_VULNERABILITY_SEVERITY` suffix.
enum SeverityThreshold: String, ExpressibleByArgument, CaseIterable {
    case low, moderate, important, critical

    var rank: Int {
        switch self {
        case .low: 1
        case .moderate: 2
        case .important: 3
        case .critical: 4
        }
    }

    static func rank(of severity: String) -> Int {
        switch severity {
        case "LOW_VULNERABILITY_SEVERITY": 1
        case "MODERATE_VULNERABILITY_SEVERITY": 2
        case "IMPORTANT_VULNERABILITY_SEVERITY": 3
        case "CRITICAL_VULNERABILITY_SEVERITY": 4
        default: 0
        }
    }

    func isReached(by image: Image) -> Bool {
        let vulnerabilities = image.scan?.components.flatMap(\.vulns) ?? []
        return vulnerabilities.contains { Self.rank(of: $0.severity) >= rank }
    }
}
