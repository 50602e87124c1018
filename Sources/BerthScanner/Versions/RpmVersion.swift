/// RPM's version ordering: `rpmverCmp` over `[epoch:]version[-release]`,
/// each field compared with `rpmvercmp` (rpm's `rpmio/rpmver.c` and
/// `lib/rpmvercmp.c`, rpm 4.15+ which added `^`).
///
/// Red Hat, SUSE and Amazon advisories state fixed EVRs such as
/// `0:2.28-225.el9_3`; matching an installed RPM against them has to agree
/// with rpm itself or a patched package would be reported vulnerable:
///
/// - The epoch is the leading run of digits when a `:` follows it (missing
///   means 0); the release is what follows the last `-` after the epoch.
///   A version without a release sorts before the same version with one
///   (`1.0 < 1.0-1`), as `rpmverCmp` does.
/// - `rpmvercmp` walks alphanumeric segments, skipping every other byte as a
///   separator (so `1.0 == 1_0` and non-ASCII bytes are separators too). A
///   numeric segment beats an alphabetic one; numbers compare by value,
///   letters with `strcmp`; whichever string has segments left wins.
/// - `~` sorts before anything, even the end (`1.0~rc1 < 1.0`); `^` sorts
///   after the end but before any further segment (`1.0 < 1.0^git1 < 1.0.1`).
///
/// Every string is accepted; rpm has no notion of an invalid version, so no
/// fallback is needed.
public enum RpmVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        let a = EVR(lhs)
        let b = EVR(rhs)
        let epoch = rpmvercmp(a.epoch ?? [UInt8(ascii: "0")], b.epoch ?? [UInt8(ascii: "0")])
        if epoch != 0 { return epoch }
        let version = rpmvercmp(a.version, b.version)
        if version != 0 { return version }
        switch (a.release, b.release) {
        case (nil, nil): return 0
        case (nil, _?): return -1
        case (_?, nil): return 1
        case let (ra?, rb?): return rpmvercmp(ra, rb)
        }
    }

    /// The split `parseEVR` makes; `nil` marks a field that is absent, which
    /// rpm distinguishes from an empty one.
    private struct EVR {
        var epoch: ArraySlice<UInt8>?
        var version: ArraySlice<UInt8>
        var release: ArraySlice<UInt8>?

        init(_ string: String) {
            let bytes = Array(string.utf8)[...]
            let afterDigits = bytes.firstIndex(where: { !VersionText.isDigit($0) }) ?? bytes.endIndex
            let hyphen = bytes[afterDigits...].lastIndex(of: UInt8(ascii: "-"))
            var versionStart = bytes.startIndex
            if afterDigits < bytes.endIndex && bytes[afterDigits] == UInt8(ascii: ":") {
                let digits = bytes[bytes.startIndex..<afterDigits]
                epoch = digits.isEmpty ? [UInt8(ascii: "0")] : digits
                versionStart = afterDigits + 1
            } else {
                epoch = nil
            }
            if let hyphen {
                version = bytes[versionStart..<hyphen]
                release = bytes[(hyphen + 1)...]
            } else {
                version = bytes[versionStart...]
                release = nil
            }
        }
    }

    private static let tilde = UInt8(ascii: "~")
    private static let caret = UInt8(ascii: "^")

    private static func rpmvercmp(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        if a.elementsEqual(b) { return 0 }
        var i = a.startIndex
        var j = b.startIndex
        func isSeparator(_ c: UInt8) -> Bool { !VersionText.isAlphanumeric(c) && c != tilde && c != caret }

        while i < a.endIndex || j < b.endIndex {
            while i < a.endIndex && isSeparator(a[i]) { i += 1 }
            while j < b.endIndex && isSeparator(b[j]) { j += 1 }
            let ca: UInt8? = i < a.endIndex ? a[i] : nil
            let cb: UInt8? = j < b.endIndex ? b[j] : nil

            if ca == tilde || cb == tilde {
                if ca != tilde { return 1 }
                if cb != tilde { return -1 }
                i += 1
                j += 1
                continue
            }
            if ca == caret || cb == caret {
                if ca == nil { return -1 }
                if cb == nil { return 1 }
                if ca != caret { return 1 }
                if cb != caret { return -1 }
                i += 1
                j += 1
                continue
            }
            guard let first = ca, cb != nil else { break }

            let numeric = VersionText.isDigit(first)
            let inSegment: (UInt8) -> Bool = { numeric ? VersionText.isDigit($0) : VersionText.isLetter($0) }
            var ei = i
            var ej = j
            while ei < a.endIndex && inSegment(a[ei]) { ei += 1 }
            while ej < b.endIndex && inSegment(b[ej]) { ej += 1 }
            // A segment of the other kind on the right: numbers are newer.
            if ej == j { return numeric ? 1 : -1 }
            let result = numeric
                ? VersionText.compareNumeric(a[i..<ei], b[j..<ej])
                : VersionText.compareBytes(a[i..<ei], b[j..<ej])
            if result != 0 { return result }
            i = ei
            j = ej
        }
        if i >= a.endIndex && j >= b.endIndex { return 0 }
        return i >= a.endIndex ? -1 : 1
    }
}
