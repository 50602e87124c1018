/// The fields SemVer 2.0 §11 precedence looks at, shared by the lenient
/// `SemanticVersion` parser and the strict `GoVersion` one so both order
/// identically once parsed. Build metadata is not kept: it never affects
/// precedence.
struct SemVerParts {
    var major: ArraySlice<UInt8>
    var minor: ArraySlice<UInt8>
    var patch: ArraySlice<UInt8>
    /// Dot-separated identifiers; empty for a release.
    var prerelease: [ArraySlice<UInt8>]

    func compare(_ other: SemVerParts) -> Int {
        for (a, b) in [(major, other.major), (minor, other.minor), (patch, other.patch)] {
            let result = VersionText.compareNumeric(a, b)
            if result != 0 { return result }
        }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for (a, b) in zip(prerelease, other.prerelease) {
            let result = Self.compareIdentifiers(a, b)
            if result != 0 { return result }
        }
        if prerelease.count == other.prerelease.count { return 0 }
        return prerelease.count < other.prerelease.count ? -1 : 1
    }

    /// §11.4: numeric identifiers by value and below alphanumeric ones,
    /// alphanumeric ones in ASCII order.
    private static func compareIdentifiers(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let aNumeric = isNumeric(a)
        let bNumeric = isNumeric(b)
        switch (aNumeric, bNumeric) {
        case (true, true): return VersionText.compareNumeric(a, b)
        case (true, false): return -1
        case (false, true): return 1
        case (false, false): return VersionText.compareBytes(a, b)
        }
    }

    static func isNumeric(_ identifier: ArraySlice<UInt8>) -> Bool {
        !identifier.isEmpty && identifier.allSatisfy(VersionText.isDigit)
    }

    /// The characters §9 and §10 allow in an identifier.
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        VersionText.isAlphanumeric(byte) || byte == UInt8(ascii: "-")
    }

    /// Splits `bytes` on `.`; `nil` when an identifier is empty or holds a
    /// byte outside `[0-9A-Za-z-]`.
    static func identifiers(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for part in parts where part.isEmpty || !part.allSatisfy(isIdentifierByte) {
            return nil
        }
        return parts
    }
}
