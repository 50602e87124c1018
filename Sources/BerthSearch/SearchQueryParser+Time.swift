import Foundation

/// Time values (StackRox `newTimeQuery`): `tr/<fromMillis>-<toMillis>`; a date
/// `MM/DD/YYYY [h:mm[:ss] AM|PM] [ZONE]`, alone (that whole UTC day) or after `<`, `<=`,
/// `>`, `>=`; a duration in days `30d`, `>30d` (older than), `<7d` (newer than); and a
/// duration range `1d-7d` (between 7 and 1 days ago).
extension SearchQueryParser {
    static let secondsPerDay: TimeInterval = 86_400

    static func timePredicate(_ value: String, now: Date, context: String) throws(SearchError) -> SearchPredicate {
        if value.hasPrefix("tr/") {
            return try timeRange(value, context: context)
        }
        // Durations are taken from a whole-second now, as StackRox formats its bounds
        // with second precision.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))

        let (comparison, rest) = comparisonPrefix(value)
        if let date = date(rest) {
            // `=` and `==` also mean the whole day: upstream compares with midnight only.
            guard let comparison, comparison != .equal else {
                return .timeRange(lower: date, upper: date + secondsPerDay, includesLower: true)
            }
            return .time(comparison, date)
        }
        if let (lowerText, upperText) = splitRange(rest), let lower = days(lowerText), let upper = days(upperText) {
            guard lower < upper else {
                throw SearchError("invalid range \"\(rest)\" in \"\(context)\": the first value must be less than the second")
            }
            return .timeRange(
                lower: now - Double(upper) * secondsPerDay, upper: now - Double(lower) * secondsPerDay,
                includesLower: false
            )
        }
        if let days = days(rest) {
            // A bare duration is equality with now−d, which practically matches nothing;
            // kept because that is what StackRox does.
            return .time((comparison ?? .equal).inverted, now - Double(days) * secondsPerDay)
        }
        throw SearchError("invalid time query \"\(rest)\" in \"\(context)\": must be of the format 01/02/2006 or 1d")
    }

    /// `tr/<fromMillis>-<toMillis>`: from inclusive, to exclusive.
    private static func timeRange(_ value: String, context: String) throws(SearchError) -> SearchPredicate {
        let range = value.dropFirst(3)
        guard let hyphen = range.firstIndex(of: "-"),
              let from = Int64(range[..<hyphen]),
              let to = Int64(range[range.index(after: hyphen)...])
        else {
            throw SearchError(
                "invalid time range \"\(value)\" in \"\(context)\": must be of the format tr/<fromMillis>-<toMillis>")
        }
        return .timeRange(
            lower: Date(timeIntervalSince1970: Double(from) / 1000),
            upper: Date(timeIntervalSince1970: Double(to) / 1000),
            includesLower: true
        )
    }

    /// Whole days, with an optional `d`: `30d`, `30`.
    static func days(_ text: String) -> Int32? {
        Int32(text.hasSuffix("d") ? String(text.dropLast()) : text)
    }

    /// Go's layouts `01/02/2006`, `01/02/2006 MST`, `01/02/2006 3:04 PM`,
    /// `01/02/2006 3:04:05 PM`, each time form optionally followed by ` MST`: two-digit
    /// month and day, four-digit year, 1–2 digit 12-hour clock, upper-case AM/PM. A zone
    /// abbreviation is accepted but read as UTC, as Go does for abbreviations unknown to
    /// the server's own zone (servers run in UTC).
    static func date(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let month = scanner.digits(2), scanner.take("/"),
              let day = scanner.digits(2), scanner.take("/"),
              let year = scanner.digits(4),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }

        var seconds = 0
        var needsZone = false
        if !scanner.atEnd {
            guard scanner.take(" ") else { return nil }
            if scanner.peekDigit {
                guard let hour = scanner.digits(1, upTo: 2), (0...12).contains(hour), scanner.take(":"),
                      let minute = scanner.digits(2), minute < 60
                else { return nil }
                var second = 0
                if scanner.take(":") {
                    guard let value = scanner.digits(2), value < 60 else { return nil }
                    second = value
                }
                guard scanner.take(" ") else { return nil }
                let hour24: Int
                if scanner.take("PM") {
                    hour24 = hour < 12 ? hour + 12 : hour
                } else if scanner.take("AM") {
                    hour24 = hour == 12 ? 0 : hour
                } else {
                    return nil
                }
                seconds = hour24 * 3600 + minute * 60 + second
                needsZone = scanner.take(" ")
            } else {
                needsZone = true
            }
            // What is left can only be the zone.
            if needsZone, !scanner.zoneAbbreviation() { return nil }
        }
        guard scanner.atEnd else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * secondsPerDay + Double(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm),
    /// so a UTC day needs no Calendar or time zone database.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
