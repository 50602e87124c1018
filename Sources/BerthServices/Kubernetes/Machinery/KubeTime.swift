import Foundation

/// Kubernetes times: RFC 3339, second precision, UTC.
public enum KubeTime {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    public static func now() -> String { format(Date()) }

    /// kubectl's "Updated"/"Age" wording: `5s`, `3m`, `2h`, `4d`.
    public static func humanAge(since text: String?, now: Date = Date()) -> String {
        guard let text, let date = parse(text) else { return "" }
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<(120 * 60): return "\(seconds / 60)m"
        case ..<(48 * 3600): return "\(seconds / 3600)h"
        default: return "\(seconds / 86400)d"
        }
    }

    /// `5m ago`, or empty when there is no time.
    public static func ago(_ text: String?) -> String {
        let age = humanAge(since: text)
        return age.isEmpty ? "" : "\(age) ago"
    }
}
