/// Debian's version ordering (`dpkg --compare-versions`), as implemented by
/// `verrevcmp` in dpkg's `lib/dpkg/version.c` and described in
/// deb-version(7).
///
/// Debian security trackers and OSV `Debian`/`Ubuntu` records state fixed
/// versions such as `1.2.3-1+deb12u1`; only dpkg's own rules order those
/// correctly against backports (`~bpo`) and point releases (`+debNNuM`), so
/// the algorithm is reproduced byte for byte:
///
/// - `[epoch:]upstream[-revision]`; the epoch is everything before the first
///   `:`, the revision everything after the last `-`. A missing epoch is 0
///   and a missing revision compares like an empty one, so `1:1.0 > 1.0`,
///   `0:1.0 == 1.0` and `1.0 == 1.0-`.
/// - Upstream and revision are compared as alternating runs: a non-digit
///   run character by character, where `~` sorts before everything
///   (even the end of the string), letters before every other character,
///   and the rest by ASCII; then a digit run by numeric value.
///
/// Fallbacks, because dpkg rejects what it cannot parse but a matcher has
/// to give some answer:
/// - An epoch that is not all digits (`a:1.0`) is not treated as an epoch;
///   the whole string, colon included, is the upstream version.
/// - Non-ASCII bytes sort after every ASCII character, by byte value (dpkg
///   refuses them outright).
/// - Surrounding whitespace is ignored, as dpkg does.
public enum DpkgVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        let a = Parts(lhs)
        let b = Parts(rhs)
        let epoch = VersionText.compareNumeric(a.epoch, b.epoch)
        if epoch != 0 { return epoch }
        let upstream = verrevcmp(a.upstream, b.upstream)
        if upstream != 0 { return upstream }
        return verrevcmp(a.revision, b.revision)
    }

    /// The three fields of a version, split the way dpkg's `parseversion`
    /// splits them.
    private struct Parts {
        var epoch: ArraySlice<UInt8>
        var upstream: ArraySlice<UInt8>
        var revision: ArraySlice<UInt8>

        init(_ string: String) {
            let bytes = Array(string.utf8)
            var rest = VersionText.trimmed(bytes)
            epoch = []
            if let colon = rest.firstIndex(of: UInt8(ascii: ":")) {
                var candidate = rest[rest.startIndex..<colon]
                // dpkg reads the epoch with strtol, which takes a leading `+`.
                if candidate.first == UInt8(ascii: "+") { candidate = candidate.dropFirst() }
                if !candidate.isEmpty && candidate.allSatisfy(VersionText.isDigit) {
                    epoch = candidate
                    rest = rest[(colon + 1)...]
                }
            }
            if let hyphen = rest.lastIndex(of: UInt8(ascii: "-")) {
                upstream = rest[rest.startIndex..<hyphen]
                revision = rest[(hyphen + 1)...]
            } else {
                upstream = rest
                revision = []
            }
        }
    }

    /// The weight dpkg's `order()` gives a character in a non-digit run.
    /// `nil` stands for the end of the string, which weighs the same as a
    /// digit: both end the non-digit run.
    private static func order(_ byte: UInt8?) -> Int {
        guard let byte else { return 0 }
        if VersionText.isDigit(byte) { return 0 }
        if VersionText.isLetter(byte) { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }

    private static func verrevcmp(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        var i = a.startIndex
        var j = b.startIndex
        func at(_ s: ArraySlice<UInt8>, _ k: Int) -> UInt8? { k < s.endIndex ? s[k] : nil }

        while i < a.endIndex || j < b.endIndex {
            while true {
                let ca = at(a, i)
                let cb = at(b, j)
                let aInText = ca.map { !VersionText.isDigit($0) } ?? false
                let bInText = cb.map { !VersionText.isDigit($0) } ?? false
                guard aInText || bInText else { break }
                let wa = order(ca)
                let wb = order(cb)
                if wa != wb { return VersionText.sign(wa - wb) }
                i += 1
                j += 1
            }
            while at(a, i) == VersionText.zero { i += 1 }
            while at(b, j) == VersionText.zero { j += 1 }
            var firstDifference = 0
            while let ca = at(a, i), let cb = at(b, j), VersionText.isDigit(ca), VersionText.isDigit(cb) {
                if firstDifference == 0 { firstDifference = Int(ca) - Int(cb) }
                i += 1
                j += 1
            }
            if let ca = at(a, i), VersionText.isDigit(ca) { return 1 }
            if let cb = at(b, j), VersionText.isDigit(cb) { return -1 }
            if firstDifference != 0 { return VersionText.sign(firstDifference) }
        }
        return 0
    }
}
