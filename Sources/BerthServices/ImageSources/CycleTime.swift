import Foundation

/// Cycle's timestamps: RFC 3339 in UTC with milliseconds (`2021-02-10T20:08:29.734Z`).
public enum CycleTime {
    public static func format(_ date: Date) -> String {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        return date.formatted(style)
    }

    public static func now() -> String { format(Date()) }
}
