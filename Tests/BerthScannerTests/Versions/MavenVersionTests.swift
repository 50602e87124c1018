import Testing
@testable import BerthScanner

@Suite struct MavenVersionTests {
    /// Many rows follow maven-artifact's `ComparableVersionTest`.
    static let pairs: [VersionPair] = [
        // Trailing nulls and separators.
        .init("1", .eq, "1"),
        .init("1", .eq, "1.0"),
        .init("1", .eq, "1.0.0"),
        .init("1.0", .eq, "1.0.0"),
        .init("1", .eq, "1-0"),
        .init("1", .eq, "1.0-0"),
        .init("1.0", .eq, "1.0-0"),
        .init("1a", .eq, "1-a"),
        .init("1a", .eq, "1.0-a"),
        .init("1a", .eq, "1.0.0-a"),
        .init("1.0a", .eq, "1-a"),
        .init("1.0.0a", .eq, "1-a"),
        .init("1x", .eq, "1-x"),
        .init("1x", .eq, "1.0-x"),
        .init("1.0.0x", .eq, "1-x"),
        // Aliases and case.
        .init("1cr", .eq, "1rc"),
        .init("1a1", .eq, "1-alpha-1"),
        .init("1b2", .eq, "1-beta-2"),
        .init("1m3", .eq, "1-milestone-3"),
        .init("1m3", .eq, "1MILESTONE3"),
        .init("1X", .eq, "1x"),
        .init("1A", .eq, "1a"),
        .init("1Ga", .eq, "1"),
        .init("1-GA", .eq, "1"),
        .init("1RELEASE", .eq, "1"),
        .init("1.0.Final", .eq, "1"),
        .init("1FINAL", .eq, "1"),
        .init("1Cr", .eq, "1Rc"),
        .init("1-SNAPSHOT", .eq, "1-snapshot"),
        // Qualifier order.
        .init("1-alpha", .lt, "1-beta"),
        .init("1-beta", .lt, "1-milestone"),
        .init("1-milestone", .lt, "1-rc"),
        .init("1-rc", .lt, "1-snapshot"),
        .init("1-snapshot", .lt, "1"),
        .init("1", .lt, "1-sp"),
        .init("1-sp", .lt, "1-abc"),
        .init("1-abc", .lt, "1-def"),
        .init("1-a", .gt, "1"),
        .init("1-a", .gt, "1-sp"),
        .init("1-a1", .lt, "1"),
        .init("1.0-SNAPSHOT", .lt, "1.0"),
        .init("1.0-SNAPSHOT", .gt, "1.0-rc1"),
        .init("1.0-rc1-SNAPSHOT", .lt, "1.0-rc1"),
        // Numbers and nesting.
        .init("1.1", .gt, "1-1"),
        .init("1-1", .gt, "1-sp"),
        .init("1.0.1", .gt, "1-1"),
        .init("1.9", .lt, "1.10"),
        .init("1.0.0.1", .gt, "1"),
        .init("2.0.0", .lt, "10.0.0"),
        .init("1.0.01", .eq, "1.0.1"),
        .init("1.99999999999999999999", .lt, "1.100000000000000000000"),
        .init("1.2.3-4", .lt, "1.2.3-5"),
        .init("NotAVersion", .lt, "0.0.1"),
        .init("", .eq, "0"),
        // MNG-6964, MNG-7644, MNG-7714.
        .init("1-0.alpha", .lt, "1"),
        .init("1-0.beta", .lt, "1"),
        .init("1-0.alpha", .lt, "1-0.beta"),
        .init("1.0.0.RC1", .lt, "1.0.0-RC2"),
        .init("1.0.0.RC1", .eq, "1.0.0-RC1"),
        .init("2-RC1", .eq, "2.0.RC1"),
        .init("2-abc", .eq, "2.0.0.abc"),
        .init("1.0.final-redhat", .lt, "1.0-sp1-redhat"),
        .init("1.0.final-redhat", .lt, "1.0-sp-1-redhat"),
        .init("1.0.final-redhat", .lt, "1.0-sp.1-redhat"),
        .init("2.13.5.Final-redhat-00002", .lt, "2.13.5.SP1-redhat-00002"),
    ]

    /// `ComparableVersionTest.VERSIONS_QUALIFIER`, ascending.
    static let qualifiers = [
        "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2",
        "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot",
        "1-1", "1-2", "1-123",
    ]

    /// `ComparableVersionTest.VERSIONS_NUMBER`, ascending.
    static let numbers = [
        "2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1", "2.2",
        "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m",
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(MavenVersion.compare)
    }

    @Test func qualifierListSortsExactly() {
        OrderingLaws.verifySorted(MavenVersion.compare, Self.qualifiers)
    }

    @Test func numberListSortsExactly() {
        OrderingLaws.verifySorted(MavenVersion.compare, Self.numbers)
    }

    /// Maven's order is not transitive once a version nests a list where
    /// another has a qualifier (see `mavenItselfHasCycles`), so the rows
    /// pinning those Maven fixes are left out of the total-order check.
    @Test func isATotalOrderAwayFromMavensOwnCycles() {
        let cyclic = Set(["1-0.alpha", "1-0.beta", "1.0.final-redhat", "1.0-sp1-redhat", "1.0-sp-1-redhat",
                          "1.0-sp.1-redhat", "2.13.5.Final-redhat-00002", "2.13.5.SP1-redhat-00002"])
        let versions = OrderingLaws.versions(in: Self.pairs, plus: [Self.qualifiers, Self.numbers])
        OrderingLaws.verify(MavenVersion.compare, over: versions.filter { !cyclic.contains($0) })
    }

    /// Each step is one of Maven's own test expectations (MNG-6964 says
    /// `1-0.alpha < 1`; an unknown qualifier is above the release; a
    /// qualifier is below a nested list), so the cycle is Maven's, kept
    /// for fidelity rather than repaired.
    @Test func mavenItselfHasCycles() {
        #expect(MavenVersion.compare("1", "1a") < 0)
        #expect(MavenVersion.compare("1a", "1-0.alpha") < 0)
        #expect(MavenVersion.compare("1-0.alpha", "1") < 0)
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.maven).compare("1.0-SNAPSHOT", "1.0") < 0)
    }
}
