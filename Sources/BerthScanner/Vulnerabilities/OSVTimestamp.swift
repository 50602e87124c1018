import Foundation

/// RFC 3339 timestamps as OSV writes them.
///
/// Feeds disagree on precision: GHSA writes whole seconds, osv.dev's own
/// converters write nanoseconds (`2026-10-08T10:42:30.33938859Z`), and
/// Foundation's ISO 8601 parsers accept only some of these forms on Linux.
/// A small hand-written parser accepts all of them identically everywhere.
public enum OSVTimestamp {
    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `t`/`z` or a space
    /// as separators, and a bare `YYYY-MM-DD` (midnight UTC), which a few
    /// hand-written advisories use.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0

        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ allowed: [UInt8]) -> Bool {
            guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect([0x2D]), let month = number(2), expect([0x2D]),
              let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if index == bytes.count {
            return date(year: year, month: month, day: day, seconds: 0)
        }
        guard expect([0x54, 0x74, 0x20]), let hour = number(2), expect([0x3A]), let minute = number(2),
              expect([0x3A]), let second = number(2), hour < 24, minute < 60, second <= 60
        else { return nil }

        var fraction = 0.0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var scale = 0.1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
        }

        var offsetSeconds = 0
        guard index < bytes.count else { return nil }
        if expect([0x5A, 0x7A]) {
            offsetSeconds = 0
        } else if bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let offsetHour = number(2), expect([0x3A]), let offsetMinute = number(2) else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }

        let seconds = Double(hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return date(year: year, month: month, day: day, seconds: seconds)
    }

    /// UTC with microseconds only when there is a fraction, so whole-second
    /// timestamps re-encode exactly as GHSA wrote them.
    public static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        var wholeSeconds = total.rounded(.down)
        var micros = Int(((total - wholeSeconds) * 1_000_000).rounded())
        if micros == 1_000_000 {
            wholeSeconds += 1
            micros = 0
        }
        let whole = Int(wholeSeconds)
        let days = Int((Double(whole) / 86_400).rounded(.down))
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if micros != 0 {
            var fraction = pad(micros, 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func date(year: Int, month: Int, day: Int, seconds: Double) -> Date {
        Date(timeIntervalSince1970: Double(days(fromCivil: year, month, day)) * 86_400 + seconds)
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the
    // proleptic Gregorian calendar without going through Calendar, which is
    // slow when 200,000 records each carry two or three timestamps.
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
