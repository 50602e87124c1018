/// Go module ordering: `golang.org/x/mod/semver.Compare`, which is what the
/// `go` command and govulncheck use, so Go advisories (OSV `Go`) match as
/// Go itself would.
///
/// The grammar is x/mod's strict SemVer: `vMAJOR[.MINOR[.PATCH]]` (the
/// short forms mean `.0`, but only without a pre-release), no leading zeros
/// in numbers or numeric pre-release identifiers, build metadata ignored.
/// That ordering already gives Go's special forms their meaning:
/// pseudo-versions (`v0.0.0-20191216044856-a8371794149d`,
/// `v1.2.4-0.20191109021931-daa7c04131f5`, `v1.2.3-pre.0.2019…`) are
/// pre-releases that sort by their timestamp just below the release they
/// precede, and `+incompatible` is build metadata (`v2.0.0+incompatible ==
/// v2.0.0`).
///
/// Accepted beyond x/mod, because of where versions come from:
/// - No leading `v`: OSV writes Go versions bare (`1.2.3`).
/// - Toolchain spellings for the `stdlib` module, converted the way
///   govulncheck converts them: `go1.21.3` is `v1.21.3`, and
///   `go1.21rc2`/`1.21rc2` is `v1.21.0-rc.2` (likewise `beta`).
///
/// Fallback: anything else (`(devel)`, `v1.02.0`, `latest`) is invalid and
/// sorts before every valid version, as x/mod does; x/mod calls all invalid
/// versions equal, here they order among themselves bytewise so distinct
/// strings never compare equal.
public enum GoVersion {
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        switch (parse(lhs), parse(rhs)) {
        case let (a?, b?): return a.compare(b)
        case (nil, _?): return -1
        case (_?, nil): return 1
        case (nil, nil): return VersionText.compareBytes(Array(lhs.utf8), Array(rhs.utf8))
        }
    }

    static func parse(_ string: String) -> SemVerParts? {
        let bytes = Array(string.utf8)[...]
        if let toolchain = toolchain(bytes) { return toolchain }
        let body = bytes.first == UInt8(ascii: "v") ? bytes.dropFirst() : bytes
        return strict(body)
    }

    /// x/mod's `parse`, after the `v`.
    private static func strict(_ body: ArraySlice<UInt8>) -> SemVerParts? {
        var rest = body
        guard let major = number(&rest) else { return nil }
        var minor: ArraySlice<UInt8> = []
        var patch: ArraySlice<UInt8> = []
        if rest.isEmpty { return SemVerParts(major: major, minor: minor, patch: patch, prerelease: []) }
        guard rest.first == UInt8(ascii: "."), let parsedMinor = number(&rest, skippingFirst: true) else { return nil }
        minor = parsedMinor
        if rest.isEmpty { return SemVerParts(major: major, minor: minor, patch: patch, prerelease: []) }
        guard rest.first == UInt8(ascii: "."), let parsedPatch = number(&rest, skippingFirst: true) else { return nil }
        patch = parsedPatch

        var prerelease: [ArraySlice<UInt8>] = []
        if rest.first == UInt8(ascii: "-") {
            let end = rest.firstIndex(of: UInt8(ascii: "+")) ?? rest.endIndex
            guard let identifiers = SemVerParts.identifiers(rest[(rest.startIndex + 1)..<end]),
                  identifiers.allSatisfy({ !SemVerParts.isNumeric($0) || $0.count == 1 || $0.first != VersionText.zero })
            else { return nil }
            prerelease = identifiers
            rest = rest[end...]
        }
        if rest.first == UInt8(ascii: "+") {
            guard SemVerParts.identifiers(rest.dropFirst()) != nil else { return nil }
            rest = []
        }
        guard rest.isEmpty else { return nil }
        return SemVerParts(major: major, minor: minor, patch: patch, prerelease: prerelease)
    }

    /// A decimal without leading zeros (`0` itself is fine), consumed from
    /// the front of `rest`.
    private static func number(_ rest: inout ArraySlice<UInt8>, skippingFirst: Bool = false) -> ArraySlice<UInt8>? {
        var cursor = skippingFirst ? rest.dropFirst() : rest
        let end = cursor.firstIndex(where: { !VersionText.isDigit($0) }) ?? cursor.endIndex
        let digits = cursor[cursor.startIndex..<end]
        guard !digits.isEmpty, digits.count == 1 || digits.first != VersionText.zero else { return nil }
        cursor = cursor[end...]
        rest = cursor
        return digits
    }

    /// `go1.21.3`, `go1.21`, `go1.21rc2`, or the same without `go` when a
    /// `beta`/`rc` tag makes it unmistakably a toolchain version.
    private static func toolchain(_ bytes: ArraySlice<UInt8>) -> SemVerParts? {
        let go = Array("go".utf8)
        let hasPrefix = bytes.starts(with: go)
        var rest = hasPrefix ? bytes.dropFirst(2) : bytes

        var numbers: [ArraySlice<UInt8>] = []
        while numbers.count < 3 {
            if !numbers.isEmpty {
                guard rest.first == UInt8(ascii: ".") else { break }
                rest = rest.dropFirst()
            }
            guard let value = number(&rest) else { return nil }
            numbers.append(value)
        }
        guard numbers.count >= 2 || (hasPrefix && numbers.count == 1 && rest.isEmpty) else { return nil }

        var prerelease: [ArraySlice<UInt8>] = []
        for tag in ["beta", "rc"] where rest.starts(with: tag.utf8) {
            let tail = rest.dropFirst(tag.utf8.count)
            guard !tail.isEmpty, tail.allSatisfy(VersionText.isDigit) else { return nil }
            prerelease = [ArraySlice(tag.utf8), tail]
            rest = []
        }
        guard rest.isEmpty, hasPrefix || !prerelease.isEmpty else { return nil }
        return SemVerParts(
            major: numbers[0],
            minor: numbers.count > 1 ? numbers[1] : [],
            patch: numbers.count > 2 ? numbers[2] : [],
            prerelease: prerelease
        )
    }
}
