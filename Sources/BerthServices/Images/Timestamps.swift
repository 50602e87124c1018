import Foundation

/// RFC 3339 timestamps as protojson writes them: UTC, `Z`, fractional seconds only when
/// there are some.
public enum Timestamps {
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = Date(timeIntervalSince1970: seconds.rounded(.down))
        var text = whole.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
        let fraction = Int(((seconds - seconds.rounded(.down)) * 1_000_000).rounded())
        if fraction > 0 && fraction < 1_000_000 {
            text += "." + String(format: "%06d", fraction)
        }
        return text + "Z"
    }

    public static func parse(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        return (try? withFraction.parse(text)) ?? (try? plain.parse(text))
    }

    /// A config's `created` in any RFC 3339 form (offsets, nanoseconds) → our form.
    static func normalize(_ text: String) -> String {
        if let date = parse(text) ?? parseNanoseconds(text) { return format(date) }
        return text
    }

    /// Go writes nanoseconds (`2024-01-01T00:00:00.123456789Z`), which the ISO parser refuses.
    private static func parseNanoseconds(_ text: String) -> Date? {
        guard let dot = text.firstIndex(of: "."), let end = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) else {
            return nil
        }
        let fraction = text[text.index(after: dot)..<end]
        let trimmed = String(text[..<dot]) + String(text[end...])
        guard let base = try? Date.ISO8601FormatStyle().parse(trimmed), let value = Double("0." + fraction) else { return nil }
        return base.addingTimeInterval(value)
    }
}
