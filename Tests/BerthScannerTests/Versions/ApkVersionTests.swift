import Testing
@testable import BerthScanner

@Suite struct ApkVersionTests {
    /// Mostly rows of apk-tools' own `test/version.data`.
    static let pairs: [VersionPair] = [
        .init("2.34", .gt, "0.1.0_alpha"),
        .init("23_foo", .gt, "4_beta"),
        .init("1.0", .lt, "1.0bc"),
        .init("0.1.0_alpha", .eq, "0.1.0_alpha"),
        .init("0.1.0_alpha2", .gt, "0.1.0_alpha"),
        .init("0.1.0_alpha", .lt, "2.2.39-r1"),
        .init("1.0.4-r3", .lt, "1.0.4-r4"),
        .init("1.1", .gt, "1.1_alpha1"),
        .init("1.2.1", .gt, "1.2"),
        .init("1.3_alpha2", .lt, "1.3_alpha3"),
        .init("0.8_beta1", .lt, "0.8_beta2"),
        .init("2.3.0b-r1", .lt, "2.3.0b-r2"),
        .init("0.12.3", .gt, "0.12"),
        .init("1.2.12.1", .lt, "1.2.13"),
        .init("3.1_p16", .lt, "3.1_p17"),
        .init("1.06-r6", .lt, "006"),
        .init("006", .gt, "1.0.0"),
        .init("20050718-r1", .lt, "20050718-r2"),
        .init("3.9.8-r5", .gt, "2.01.01_alpha10"),
        .init("1.0", .gt, "0.99.3.20040818"),
        .init("1.39", .gt, "1.00_beta2"),
        .init("1.02", .lt, "1.03-r1"),
        .init("4.2.52_p2-r1", .lt, "4.2.52_p4-r2"),
        .init("1.02.07", .lt, "1.02.10-r1"),
        .init("20060720", .gt, "3.0.20060720"),
        .init("2.5.1-r8", .lt, "2.5.1a-r1"),
        .init("1.3.5-r10", .gt, "1.3.5-r8"),
        .init("3.0.0-r2", .lt, "021109-r3"),
        .init("3.9_pre20060124", .gt, "0.01"),
        .init("6b-r7", .gt, "1.12-r7"),
        .init("0.10.0-r1", .gt, "0.10.0"),
        .init("0.10.0", .lt, "0.10.1_rc1"),
        .init("2.0.2", .gt, "1.1a"),
        .init("0.15.1b-r2", .gt, "0.15.1b"),
        .init("22.7-r1", .lt, "22.7.3-r1"),
        .init("2.1_pre20", .lt, "2.1_pre26"),
        .init("2.10.1", .gt, "02.08.01b"),
        .init("1.6d", .gt, "1.2.07.8"),
        .init("1.2.07.8", .lt, "1.2.12.04"),
        .init("1.2.12.04", .lt, "1.2.12.05"),
        .init("0.59s-r11", .lt, "0.65"),
        .init("0.20070118", .lt, "0.20070207_rc1"),
        .init("4.5_p1-r1", .gt, "4.5_p1"),
        .init("0.9.8c-r1", .lt, "0.9.8d"),
        .init("1.8.5", .lt, "1.8.5_p2"),
        .init("2.9.11_pre20051101-r3", .gt, "2.9.11_pre20051101"),
        .init("1.6.8_p12-r1", .gt, "1.6.8_p9-r2"),
        .init("2.12r-r4", .lt, "2.12r-r5"),
        .init("7.0.17", .lt, "7.0.174"),
        .init("1.3_pre1-r1", .lt, "1.3.2"),
        .init("1.0_p10-r0", .gt, "1.0_p9-r0"),
        .init("0.1.0_alpha_pre2", .lt, "0.1.0_alpha"),
        .init("1.0.0_pre20191002222144-r0", .lt, "1.0.0_pre20210530193627-r0"),
        .init("6.0_pre1", .lt, "6.0"),
        .init("6.0_p1", .gt, "6.0"),
        // apk-tools v3: a leading zero makes a digit token compare as text,
        // and `~hash` tokens exist.
        .init("8.2.0", .lt, "8.2.001"),
        .init("8.2.0015", .lt, "8.2.002"),
        .init("1.0~1234", .lt, "1.0~2345"),
        .init("1.0~1234-r1", .lt, "1.0~2345-r0"),
        .init("1.0~1234-r1", .gt, "1.0~1234-r0"),
        // Token-type ordering: 1.2_rc1 < 1.2 < 1.2-r0 < 1.2_p1 < 1.2a.
        .init("1.2_rc1", .lt, "1.2"),
        .init("1.2", .lt, "1.2-r0"),
        .init("1.2-r1", .lt, "1.2_p1"),
        .init("1.2_p1", .lt, "1.2a"),
        .init("1.2a", .lt, "1.2.1"),
        .init("01", .eq, "1"),
        .init("1.36.1-r15", .gt, "1.36.1-r2"),
        .init("3.0.12-r0", .lt, "3.0.12_p1-r0"),
        .init("99999999999999999999999", .gt, "99999999999999999999998"),
        // Malformed input: apk's verdicts, plus a bytewise tie-break where
        // apk would call two distinct malformed strings equal.
        .init("1.0_foo", .gt, "1.0_alpha"),
        .init("1.0_foo", .lt, "1.0"),
        .init("1.0_bar", .lt, "1.0_foo"),
        .init("1.0-2", .lt, "1.0"),
        .init("", .lt, "0"),
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(ApkVersion.compare)
    }

    @Test func suffixOrder() {
        OrderingLaws.verifySorted(ApkVersion.compare, [
            "1.0_alpha", "1.0_alpha1", "1.0_beta", "1.0_pre", "1.0_rc", "1.0_rc9",
            "1.0", "1.0-r1", "1.0_cvs", "1.0_svn", "1.0_git", "1.0_hg", "1.0_p", "1.0_p1", "1.0a", "1.0.1",
        ])
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(ApkVersion.compare, over: OrderingLaws.versions(in: Self.pairs))
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.apk).compare("1.2-r1", "1.2_p1") < 0)
    }
}
