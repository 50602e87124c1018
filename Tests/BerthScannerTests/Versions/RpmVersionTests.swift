import Testing
@testable import BerthScanner

@Suite struct RpmVersionTests {
    /// The `rpmvercmp` rows follow rpm's own `tests/rpmvercmp.at`.
    static let pairs: [VersionPair] = [
        .init("1.0", .eq, "1.0"),
        .init("1.0", .lt, "2.0"),
        .init("2.0.1", .eq, "2.0.1"),
        .init("2.0", .lt, "2.0.1"),
        .init("2.0.1a", .gt, "2.0.1"),
        .init("5.5p1", .lt, "5.5p2"),
        .init("5.5p10", .gt, "5.5p1"),
        .init("10xyz", .lt, "10.1xyz"),
        .init("xyz10", .lt, "xyz10.1"),
        .init("xyz.4", .lt, "8"),
        .init("xyz.4", .lt, "2"),
        .init("5.5p2", .lt, "5.6p1"),
        .init("5.6p1", .lt, "6.5p1"),
        .init("6.0.rc1", .gt, "6.0"),
        .init("10b2", .gt, "10a1"),
        .init("10a2", .lt, "10b2"),
        .init("1.0aa", .gt, "1.0a"),
        .init("10.0001", .eq, "10.1"),
        .init("10.0001", .lt, "10.0039"),
        .init("4.999.9", .lt, "5.0"),
        .init("20101121", .lt, "20101122"),
        .init("2_0", .eq, "2.0"),
        .init("a+", .eq, "a_"),
        .init("+a", .eq, "_a"),
        .init("+_", .eq, "_+"),
        .init("+", .eq, "_"),
        .init("1b.fc17", .lt, "1.fc17"),
        .init("1g.fc17", .gt, "1.fc17"),
        .init("1.1.α", .eq, "1.1.β"),
        // Tilde: before everything, even the end.
        .init("1.0~rc1", .lt, "1.0"),
        .init("1.0~rc1", .lt, "1.0~rc2"),
        .init("1.0~rc1~git123", .lt, "1.0~rc1"),
        .init("1.0~", .lt, "1.0"),
        // Caret: after the end, before anything else.
        .init("1.0^", .eq, "1.0^"),
        .init("1.0^", .gt, "1.0"),
        .init("1.0^git1", .gt, "1.0"),
        .init("1.0^git1", .lt, "1.0^git2"),
        .init("1.0^git1", .lt, "1.01"),
        .init("1.0^20160101", .lt, "1.0.1"),
        .init("1.0^20160102", .gt, "1.0^20160101^git1"),
        .init("1.0~rc1^git1", .gt, "1.0~rc1"),
        .init("1.0^git1~pre", .lt, "1.0^git1"),
        .init("1.0^", .lt, "1.0.1"),
        // Segment kinds and leftovers.
        .init("1.0", .lt, "1.0.0"),
        .init("1.0a", .lt, "1.0.1"),
        .init("2.0", .lt, "2.0a"),
        .init("1.0", .lt, "1.0.a"),
        .init("1.99999999999999999999", .lt, "1.100000000000000000000"),
        // Epoch and release.
        .init("1:1.0", .gt, "1.0"),
        .init("0:1.0", .eq, "1.0"),
        .init(":1.0", .eq, "0:1.0"),
        .init("1:0.1", .gt, "2.0"),
        .init("1:3.0.7-24.el9", .lt, "2:1.0-1"),
        .init("1.0-1", .gt, "1.0"),
        .init("1.0-", .gt, "1.0"),
        .init("1.0-1", .lt, "1.0-2"),
        .init("0:2.28-225.el9_3", .eq, "2.28-225.el9_3"),
        .init("2.28-225.el9_3", .gt, "2.28-225.el9"),
        .init("1.2.3-1.el8", .lt, "1.2.3-1.el9"),
        .init("1.2.3-1.el8_4", .lt, "1.2.3-1.el8_10"),
        .init("3.0.7-24.el9", .gt, "3.0.7-16.el9_2"),
        .init("1.0-1.fc38", .lt, "1.0-1.fc39"),
        .init("4.18.0-477.10.1.el8_8", .gt, "4.18.0-477.el8"),
        .init("1.1.1k-9.el8_7", .lt, "1.1.1k-12.el8_9"),
        .init("2.0-1.amzn2.0.1", .lt, "2.0-1.amzn2.0.2"),
        .init("1.0-1-2", .gt, "1.0-1"),
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(RpmVersion.compare)
    }

    @Test func tildeAndCaretAroundARelease() {
        OrderingLaws.verifySorted(RpmVersion.compare, [
            "1.0~rc1", "1.0~rc1^git1", "1.0~rc2", "1.0", "1.0^git1~pre", "1.0^git1", "1.0^git2", "1.0.1",
        ])
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(RpmVersion.compare, over: OrderingLaws.versions(in: Self.pairs))
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.rpm).compare("1.0~rc1", "1.0") < 0)
    }
}
