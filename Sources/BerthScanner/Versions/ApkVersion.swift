/// Alpine's version ordering, ported from apk-tools v3 `src/version.c`
/// (`apk_version_compare`), the rewrite that also ships in apk-tools 2.14+.
///
/// Alpine secdb and OSV `Alpine` records name fixed versions like
/// `1.36.1-r15` or `3.0.12_p1-r0`, so the matcher has to tokenise exactly as
/// apk does. The grammar is
/// `digit{.digit}…{letter}{_suffix{number}}…{~hash}{-r#}`:
///
/// - Digit tokens compare numerically, except that when either side of a
///   non-initial digit token has a leading zero both compare as strings
///   (`1.02 < 1.1`, `8.2.0 < 8.2.001`), following the Gentoo rule.
/// - One lowercase letter may follow the digits (`1.2a`) and compares by
///   ASCII value.
/// - Suffixes: `_alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git <
///   _hg < _p`, each optionally numbered; several may follow one another.
/// - `~hash` (hex digits) compares as a string; `-rN` is the package
///   revision and compares numerically.
/// - When the token *types* differ, the side whose next token is a
///   pre-release suffix is older; otherwise the side whose next token type
///   comes earlier in the grammar is newer (`1.2_rc1 < 1.2 < 1.2-r1 <
///   1.2_p1 < 1.2a`).
///
/// apk-tools v2 (before 2.14) differs only at the edges: it read `1.02` as a
/// decimal fraction (so `8.2.0 > 8.2.001`), accepted a digit straight after a
/// letter (`1.2a3`), and had no `~hash`. Alpine's current tooling is v3, so
/// v3 is what this follows.
///
/// Fallback: apk calls two versions equal once both hit a malformed token at
/// the same point. That would make distinct strings such as `1.0_foo` and
/// `1.0_bar` equal, so such ties are broken by comparing the whole strings
/// bytewise; every other verdict about malformed input (including how it
/// orders against well-formed versions) is apk's own.
public enum ApkVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        let aBytes = Array(lhs.utf8)
        let bBytes = Array(rhs.utf8)
        var a = Tokenizer(aBytes)
        var b = Tokenizer(bBytes)
        while a.token == b.token && a.token < .end {
            let result = compareValues(a, b)
            if result != 0 { return result }
            a.advance()
            b.advance()
        }
        if a.token == b.token {
            return a.token == .invalid ? VersionText.compareBytes(aBytes, bBytes) : 0
        }
        if a.token == .suffix && a.suffix < Suffix.none { return -1 }
        if b.token == .suffix && b.suffix < Suffix.none { return 1 }
        return a.token > b.token ? -1 : 1
    }

    /// Token kinds in grammar order; the order itself is part of the
    /// comparison rules.
    private enum Token: Int, Comparable {
        case initialDigit, digit, letter, suffix, suffixNumber, commitHash, revisionNumber, end, invalid

        static func < (lhs: Token, rhs: Token) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// apk's suffix ranks; `none` is the pivot between pre- and post-release.
    private enum Suffix {
        static let invalid = 0
        static let none = 5
        static let ranks: [String: Int] = [
            "alpha": 1, "beta": 2, "pre": 3, "rc": 4,
            "cvs": 6, "svn": 7, "git": 8, "hg": 9, "p": 10,
        ]
    }

    private static func compareValues(_ a: Tokenizer, _ b: Tokenizer) -> Int {
        switch a.token {
        case .digit:
            if a.value.first == VersionText.zero || b.value.first == VersionText.zero {
                return VersionText.compareBytes(a.value, b.value)
            }
            return VersionText.compareNumeric(a.value, b.value)
        case .initialDigit, .suffixNumber, .revisionNumber:
            return VersionText.compareNumeric(a.value, b.value)
        case .letter:
            return VersionText.compareBytes(a.value, b.value)
        case .suffix:
            return a.suffix == b.suffix ? 0 : (a.suffix < b.suffix ? -1 : 1)
        case .commitHash, .end, .invalid:
            return VersionText.compareBytes(a.value, b.value)
        }
    }

    /// apk's `token_first`/`token_next`: reads one token ahead and records
    /// its kind and text, turning into `.invalid` as soon as a token is not
    /// allowed where it appears.
    private struct Tokenizer {
        let bytes: [UInt8]
        var position = 0
        var token = Token.initialDigit
        var suffix = Suffix.invalid
        var value: ArraySlice<UInt8> = []

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            readDigits()
        }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func readDigits() {
            let start = position
            while let c = current, VersionText.isDigit(c) { position += 1 }
            value = bytes[start..<position]
            if value.isEmpty { token = .invalid }
        }

        private mutating func readSpan(_ allowed: (UInt8) -> Bool) {
            let start = position
            while let c = current, allowed(c) { position += 1 }
            value = bytes[start..<position]
        }

        mutating func advance() {
            guard let c = current else {
                token = .end
                return
            }
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard token <= .digit else { return invalidate() }
                value = bytes[position..<(position + 1)]
                position += 1
                token = .letter
            case UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if c == UInt8(ascii: ".") {
                    guard token <= .digit else { return invalidate() }
                    position += 1
                }
                switch token {
                case .initialDigit, .digit: token = .digit
                case .suffix: token = .suffixNumber
                default: return invalidate()
                }
                readDigits()
            case UInt8(ascii: "_"):
                guard token <= .suffixNumber else { return invalidate() }
                position += 1
                readSpan(VersionText.isLowercaseLetter)
                suffix = Suffix.ranks[String(decoding: value, as: UTF8.self)] ?? Suffix.invalid
                guard suffix != Suffix.invalid else { return invalidate() }
                token = .suffix
            case UInt8(ascii: "~"):
                guard token < .commitHash else { return invalidate() }
                position += 1
                readSpan { VersionText.isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
                guard !value.isEmpty else { return invalidate() }
                token = .commitHash
            case UInt8(ascii: "-"):
                guard token < .revisionNumber,
                      position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "r")
                else { return invalidate() }
                position += 2
                token = .revisionNumber
                readDigits()
            default:
                invalidate()
            }
        }

        private mutating func invalidate() {
            token = .invalid
        }
    }
}
