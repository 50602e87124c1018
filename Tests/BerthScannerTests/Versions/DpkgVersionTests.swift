import Testing
@testable import BerthScanner

@Suite struct DpkgVersionTests {
    static let pairs: [VersionPair] = [
        // Epochs: numeric, dominate everything, missing means 0.
        .init("1:1.0", .gt, "1.0"),
        .init("0:1.0", .eq, "1.0"),
        .init("1:0.1", .gt, "2.0"),
        .init("2:1.0", .gt, "1:9.9"),
        .init("01:2.3", .eq, "1:2.3"),
        .init("10:1.0", .gt, "9:1.0"),
        .init("2:8.2.3995-1ubuntu2.15", .gt, "2:8.2.3995-1ubuntu2.9"),
        // Tilde sorts before everything, even the end of the string.
        .init("1.0~beta1~svn1245", .lt, "1.0~beta1"),
        .init("1.0~beta1", .lt, "1.0"),
        .init("1.0~~", .lt, "1.0~~a"),
        .init("1.0~~a", .lt, "1.0~"),
        .init("1.0~", .lt, "1.0"),
        .init("1.0~rc1-1", .lt, "1.0-1"),
        .init("1.0~rc1", .lt, "1.0~rc2"),
        // Letters sort before non-letters, the end before both.
        .init("1.0", .lt, "1.0a"),
        .init("1.0a", .lt, "1.0+"),
        .init("1.0+", .lt, "1.0."),
        .init("1.0", .lt, "1.0.0"),
        .init("1.0", .lt, "1.0+dfsg"),
        .init("1.0+dfsg-1", .gt, "1.0-1"),
        .init("1.0a", .lt, "1.0b"),
        .init("1.0Z", .lt, "1.0a"),
        // Digit runs compare by value.
        .init("10", .gt, "9"),
        .init("1.10", .gt, "1.9"),
        .init("1.01", .eq, "1.1"),
        .init("1.99999999999999999999", .lt, "1.100000000000000000000"),
        .init("4.19.0-21", .gt, "4.19.0-20"),
        // Revisions: after the last hyphen, missing equals empty equals 0.
        .init("1.0-1", .lt, "1.0-2"),
        .init("1.0-10", .gt, "1.0-9"),
        .init("1.0-0", .eq, "1.0"),
        .init("1.0-1", .lt, "1.0-1.1"),
        .init("1.0-1+b1", .gt, "1.0-1"),
        .init("1.2-3-4", .lt, "1.2-3-5"),
        .init("1.2-3-4", .gt, "1.2-4"),
        .init("1:2:3-1", .gt, "1:2-1"),
        // Debian stable updates and backports.
        .init("1.2.3-1+deb12u1", .gt, "1.2.3-1"),
        .init("1.2.3-1+deb12u1", .lt, "1.2.3-1+deb12u2"),
        .init("1.2.3-1~deb12u1", .lt, "1.2.3-1"),
        .init("1.2.3-1+deb11u1", .lt, "1.2.3-1+deb12u1"),
        .init("1.2.3-1+deb12u1", .lt, "1.2.3-2"),
        .init("2.36.1-8+deb11u1", .lt, "2.36.1-8+deb11u2"),
        .init("7.74.0-1.3+deb11u7", .gt, "7.74.0-1.3+deb11u3"),
        .init("1.1.1n-0+deb11u4", .lt, "1.1.1n-0+deb11u5"),
        .init("1.1.1w-0+deb11u1", .gt, "1.1.1n-0+deb11u5"),
        .init("3.0.11-1~deb12u2", .gt, "3.0.11-1~deb12u1"),
        .init("3.0.11-1~deb12u2", .lt, "3.0.11-1"),
        .init("1.0-1~bpo11+1", .lt, "1.0-1"),
        .init("1.0-1~bpo11+1", .gt, "0.9-1"),
        .init("252.22-1~deb12u1", .lt, "252.23-1~deb12u1"),
        // Ubuntu security updates.
        .init("1.2-3ubuntu0.1", .gt, "1.2-3"),
        .init("1.2-3ubuntu0.1", .lt, "1.2-3ubuntu1"),
        .init("1.2-3ubuntu0.20.04.1", .lt, "1.2-3ubuntu0.22.04.1"),
        .init("1.0-1ubuntu1", .gt, "1.0-1build1"),
        .init("2.35-0ubuntu3.6", .gt, "2.35-0ubuntu3.1"),
        // Fallbacks: whitespace ignored, a non-numeric "epoch" is upstream text.
        .init(" 1.0-1 ", .eq, "1.0-1"),
        .init("a:1.0", .gt, "1.0"),
        .init("1.0", .eq, "1.0"),
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(DpkgVersion.compare)
    }

    @Test func tildeOrderFromDebPolicy() {
        OrderingLaws.verifySorted(DpkgVersion.compare, ["1.0~~", "1.0~~a", "1.0~", "1.0", "1.0a", "1.0+", "1.0.1"])
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(DpkgVersion.compare, over: OrderingLaws.versions(in: Self.pairs))
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.dpkg).compare("1:1.0", "1.0") > 0)
    }
}
