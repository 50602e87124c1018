/// Byte-level primitives the version orderings share.
///
/// Every package manager we mirror compares versions as ASCII bytes, not as
/// Unicode text, so the comparators work on UTF-8 bytes: that keeps their
/// results identical to the C and Java originals for every input those
/// tools accept. Numbers are compared as digit strings instead of being
/// converted to integers, because version components such as timestamps or
/// `20240101000000000000` overflow `Int` and a crash is never acceptable.
enum VersionText {
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= zero && byte <= nine
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// -1, 0 or 1, so callers can return a comparator result without caring
    /// how large the raw difference was.
    static func sign(_ value: Int) -> Int {
        value < 0 ? -1 : (value > 0 ? 1 : 0)
    }

    /// Orders two runs of ASCII digits by numeric value, ignoring leading
    /// zeros (`007 == 7`). An empty run counts as zero, which is what dpkg,
    /// rpm and the SemVer family all assume for a missing number.
    static func compareNumeric(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        let a = lhs.drop(while: { $0 == zero })
        let b = rhs.drop(while: { $0 == zero })
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        return compareBytes(a, b)
    }

    /// `memcmp` on the common prefix, then the shorter run first: the order
    /// of C's `strcmp`, Go's string comparison and apk's `apk_blob_sort`.
    static func compareBytes(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        var i = lhs.startIndex
        var j = rhs.startIndex
        while i < lhs.endIndex && j < rhs.endIndex {
            if lhs[i] != rhs[j] { return lhs[i] < rhs[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        let leftRemaining = lhs.endIndex - i
        let rightRemaining = rhs.endIndex - j
        if leftRemaining == rightRemaining { return 0 }
        return leftRemaining < rightRemaining ? -1 : 1
    }

    static func compareBytes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        compareBytes(lhs[...], rhs[...])
    }

    /// Drops surrounding ASCII whitespace, as dpkg's and Python's parsers do
    /// before they look at a version.
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
