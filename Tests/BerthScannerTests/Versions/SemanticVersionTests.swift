import Testing
@testable import BerthScanner

@Suite struct SemanticVersionTests {
    static let pairs: [VersionPair] = [
        // §11.2: major, minor, patch numerically.
        .init("1.0.0", .lt, "2.0.0"),
        .init("2.0.0", .lt, "2.1.0"),
        .init("2.1.0", .lt, "2.1.1"),
        .init("1.10.0", .gt, "1.9.0"),
        .init("10.0.0", .gt, "9.99.99"),
        .init("0.0.1", .gt, "0.0.0"),
        .init("99999999999999999999.0.0", .gt, "9999999999999999999.0.0"),
        // §11.3: a pre-release is below its release.
        .init("1.0.0-alpha", .lt, "1.0.0"),
        .init("1.0.0", .gt, "1.0.0-rc.1"),
        .init("0.0.0", .gt, "0.0.0-0"),
        .init("2.0.0-alpha", .gt, "1.999.999"),
        // §11.4: identifiers left to right.
        .init("1.0.0-alpha", .lt, "1.0.0-alpha.1"),
        .init("1.0.0-alpha.1", .lt, "1.0.0-alpha.beta"),
        .init("1.0.0-alpha.beta", .lt, "1.0.0-beta"),
        .init("1.0.0-beta", .lt, "1.0.0-beta.2"),
        .init("1.0.0-beta.2", .lt, "1.0.0-beta.11"),
        .init("1.0.0-beta.11", .lt, "1.0.0-rc.1"),
        .init("1.0.0-2", .lt, "1.0.0-10"),
        .init("1.0.0-a", .lt, "1.0.0-b"),
        .init("1.0.0-A", .lt, "1.0.0-a"),
        .init("1.0.0-1", .lt, "1.0.0-a"),
        .init("1.0.0-alpha.1", .lt, "1.0.0-alpha.a"),
        .init("1.0.0-alpha-1", .gt, "1.0.0-alpha"),
        .init("1.0.0-rc.1", .lt, "1.0.0-rc.1.1"),
        .init("1.0.0-beta", .lt, "1.0.0-beta.0"),
        .init("2.0.0-rc.1", .gt, "2.0.0-beta.5"),
        .init("1.2.3-alpha.10.beta", .gt, "1.2.3-alpha.9.beta"),
        .init("1.2.3-0.3.7", .lt, "1.2.3-alpha"),
        .init("1.0.0-x.7.z.92", .gt, "1.0.0-x.7.z.91"),
        .init("1.0.0-rc.10", .gt, "1.0.0-rc.9"),
        .init("1.0.0-rc10", .lt, "1.0.0-rc9"),
        // §10: build metadata is ignored.
        .init("1.0.0+build", .eq, "1.0.0"),
        .init("1.0.0+a", .eq, "1.0.0+b"),
        .init("1.0.0-alpha+001", .eq, "1.0.0-alpha"),
        .init("1.0.0+20130313144700", .lt, "1.0.1"),
        .init("1.0.0-beta+exp.sha.5114f85", .lt, "1.0.0"),
        // Tolerated spellings.
        .init("v1.2.3", .eq, "1.2.3"),
        .init("V1.2.3", .eq, "1.2.3"),
        .init("=1.2.3", .eq, "1.2.3"),
        .init("=v1.2.3", .eq, "1.2.3"),
        .init(" 1.2.3 ", .eq, "1.2.3"),
        .init("1", .eq, "1.0.0"),
        .init("1.2", .eq, "1.2.0"),
        .init("0", .eq, "0.0.0"),
        .init("0", .lt, "0.0.1"),
        .init("1.2-beta", .lt, "1.2"),
        .init("1.2-beta", .eq, "1.2.0-beta"),
        .init("01.2.3", .eq, "1.2.3"),
        // Not SemVer: below every version, bytewise among themselves.
        .init("1.2.3.4", .lt, "0.0.0"),
        .init("1.2.3.4", .lt, "1.2.3.5"),
        .init("latest", .lt, "0"),
        .init("1.0.0-", .lt, "0.0.0"),
        .init("1.0.0+", .lt, "0"),
        .init("1.0.0-a..b", .lt, "0"),
        .init("1.0.0-alpha_1", .lt, "0"),
        .init("", .lt, "0"),
        .init("abc", .lt, "abd"),
        .init("1.x", .lt, "0.0.0-0"),
    ]

    /// semver.org §11.4's own example, ascending.
    static let specExample = [
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(SemanticVersion.compare)
    }

    @Test func specExampleSortsExactly() {
        OrderingLaws.verifySorted(SemanticVersion.compare, Self.specExample + ["2.0.0", "2.1.0", "2.1.1"])
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(SemanticVersion.compare, over: OrderingLaws.versions(in: Self.pairs, plus: [Self.specExample]))
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.npm).compare("1.0.0-rc.1", "1.0.0") < 0)
        #expect(VersionScheme.semver.compare("1.0.0+build.1", "1.0.0") == 0)
    }
}
