/// SemVer 2.0 precedence (semver.org §11), for OSV `SEMVER` ranges and npm.
///
/// Registries and advisories are looser than the specification, and a
/// rejected version would silently drop a match, so parsing tolerates what
/// npm's loose mode and OSV data contain: surrounding whitespace, a leading
/// `=` and/or `v` (`=v1.2.3`), a missing minor or patch (`1`, `1.2`, read as
/// `1.0.0`, `1.2.0`; OSV writes `introduced: "0"`), and leading zeros in
/// numbers (compared by value, `01.2.3 == 1.2.3`). Build metadata (`+…`) is
/// validated but ignored, so `1.0.0+a == 1.0.0+b`.
///
/// Precedence: major, minor and patch numerically; a pre-release below its
/// release; pre-release identifiers left to right, numeric ones by value and
/// below alphanumeric ones, alphanumeric ones in ASCII order; a longer
/// identifier list wins when all shared identifiers are equal.
///
/// Fallback: a string that still is not a version (`1.2.3.4`, `latest`,
/// `1.0.0-`) sorts before every valid version, and such strings order among
/// themselves bytewise, like Go's `semver.Compare` puts invalid versions
/// first.
public enum SemanticVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        switch (parse(lhs), parse(rhs)) {
        case let (a?, b?): return a.compare(b)
        case (nil, _?): return -1
        case (_?, nil): return 1
        case (nil, nil): return VersionText.compareBytes(Array(lhs.utf8), Array(rhs.utf8))
        }
    }

    static func parse(_ string: String) -> SemVerParts? {
        let bytes = Array(string.utf8)
        var rest = VersionText.trimmed(bytes)
        if rest.first == UInt8(ascii: "=") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "v") || rest.first == UInt8(ascii: "V") { rest = rest.dropFirst() }

        if let plus = rest.firstIndex(of: UInt8(ascii: "+")) {
            guard SemVerParts.identifiers(rest[(plus + 1)...]) != nil else { return nil }
            rest = rest[rest.startIndex..<plus]
        }
        var prerelease: [ArraySlice<UInt8>] = []
        if let hyphen = rest.firstIndex(of: UInt8(ascii: "-")) {
            guard let identifiers = SemVerParts.identifiers(rest[(hyphen + 1)...]) else { return nil }
            prerelease = identifiers
            rest = rest[rest.startIndex..<hyphen]
        }
        let numbers = rest.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count),
              numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(VersionText.isDigit) })
        else { return nil }
        return SemVerParts(
            major: numbers[0],
            minor: numbers.count > 1 ? numbers[1] : [],
            patch: numbers.count > 2 ? numbers[2] : [],
            prerelease: prerelease
        )
    }
}
