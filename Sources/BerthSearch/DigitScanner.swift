/// A cursor over the ASCII bytes of a date, so the layout can be checked exactly
/// (fixed-width fields, single spaces) the way Go's `time.Parse` does.
struct DigitScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    var peekDigit: Bool { position < bytes.count && Self.isDigit(bytes[position]) }

    /// Between `count` and `upTo` digits (exactly `count` by default), as a number.
    mutating func digits(_ count: Int, upTo maximum: Int? = nil) -> Int? {
        var value = 0
        var taken = 0
        while taken < (maximum ?? count), position < bytes.count, Self.isDigit(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            taken += 1
        }
        return taken >= count ? value : nil
    }

    /// Consumes `literal` if it comes next.
    mutating func take(_ literal: String) -> Bool {
        let literal = Array(literal.utf8)
        guard bytes.count - position >= literal.count,
              Array(bytes[position..<position + literal.count]) == literal
        else { return false }
        position += literal.count
        return true
    }

    /// A zone abbreviation: three to five upper-case letters (`UTC`, `MST`, `CEST`).
    mutating func zoneAbbreviation() -> Bool {
        var end = position
        while end < bytes.count, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end]) {
            end += 1
        }
        guard (3...5).contains(end - position) else { return false }
        position = end
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
