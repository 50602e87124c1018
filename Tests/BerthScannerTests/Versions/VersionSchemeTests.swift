import Testing
@testable import BerthScanner

@Suite struct VersionSchemeTests {
    /// Strings no package manager would write; each scheme must still give
    /// a consistent answer for them instead of trapping.
    static let hostile: [String] = [
        "", " ", "\t", "\u{0}", "🙂", "1.0🙂", "é", "e\u{301}", "İ", "٣.٤", "１.０",
        String(repeating: "9", count: 400), "1." + String(repeating: "0", count: 300) + "1",
        ":", "1:", ":1", "-", "1-", "-1", "~", "^", "+", "!", "1!", "v", "V", "=",
        "1..2", "1.0-", "1.0+", "..", "--", "__", "0", "1.0", "1.0.0", "v1.0.0",
    ]

    @Test(arguments: VersionScheme.allCases)
    func hostileInputStaysATotalOrder(_ scheme: VersionScheme) {
        OrderingLaws.verify(scheme.compare, over: Self.hostile)
    }

    @Test func formatsMapToTheirEcosystemOrdering() {
        #expect(VersionScheme.forFormat(.dpkg) == .dpkg)
        #expect(VersionScheme.forFormat(.apk) == .apk)
        #expect(VersionScheme.forFormat(.rpm) == .rpm)
        #expect(VersionScheme.forFormat(.python) == .pep440)
        #expect(VersionScheme.forFormat(.npm) == .semver)
        #expect(VersionScheme.forFormat(.go) == .go)
        #expect(VersionScheme.forFormat(.maven) == .maven)
    }
}
