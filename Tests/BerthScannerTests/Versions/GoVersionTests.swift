import Testing
@testable import BerthScanner

@Suite struct GoVersionTests {
    static let pairs: [VersionPair] = [
        .init("v1.2.3", .eq, "1.2.3"),
        .init("v1.2.3", .lt, "v1.2.4"),
        .init("v1.10.0", .gt, "v1.9.9"),
        .init("v0.17.0", .gt, "v0.9.0"),
        .init("10.0.0", .gt, "9.0.0"),
        .init("v1.2", .eq, "v1.2.0"),
        .init("v1", .eq, "v1.0.0"),
        .init("v0", .eq, "0.0.0"),
        .init("v1.0.0-rc.1", .lt, "v1.0.0"),
        .init("v1.0.0-beta.11", .gt, "v1.0.0-beta.2"),
        .init("v1.2.3-alpha.1", .lt, "v1.2.3-alpha.beta"),
        .init("v1.2.3-a-b", .gt, "v1.2.3-a"),
        .init("v1.2.3-a.b", .gt, "v1.2.3-a"),
        .init("v1.2.3", .gt, "v1.2.3-0"),
        .init("v1.0.0-0", .lt, "v1.0.0-0.0"),
        .init("v2.0.0-alpha", .gt, "v1.999.999"),
        // Pseudo-versions: pre-releases ordered by timestamp.
        .init("v0.0.0-20191216044856-a8371794149d", .lt, "v0.0.1"),
        .init("v0.0.0-20191216044856-a8371794149d", .lt, "v0.0.0-20200101000000-000000000000"),
        .init("v0.0.0-20230101000000-abcdef123456", .lt, "v0.0.0-20230101000001-000000000000"),
        .init("v0.0.0-20210101000000-abcdefabcdef", .lt, "v0.1.0-beta"),
        .init("v1.2.4-0.20191109021931-daa7c04131f5", .gt, "v1.2.3"),
        .init("v1.2.4-0.20191109021931-daa7c04131f5", .lt, "v1.2.4"),
        .init("v1.2.4-0.20191109021931-daa7c04131f5", .lt, "v1.2.4-pre"),
        .init("v1.2.3-pre.0.20191109021931-daa7c04131f5", .gt, "v1.2.3-pre"),
        .init("v1.2.3-pre.0.20191109021931-daa7c04131f5", .lt, "v1.2.3-pre.1"),
        .init("v1.2.3-pre.0.20191109021931-daa7c04131f5", .lt, "v1.2.3"),
        .init("v0.1.0", .lt, "v0.1.1-0.20200101000000-abcdefabcdef"),
        .init("v0.1.1-0.20200101000000-abcdefabcdef", .lt, "v0.1.1"),
        .init("v1.5.0-rc.1.0.20200101000000-abcdefabcdef", .gt, "v1.5.0-rc.1"),
        .init("v1.5.0-rc.1.0.20200101000000-abcdefabcdef", .lt, "v1.5.0-rc.2"),
        // +incompatible is build metadata.
        .init("v2.0.0+incompatible", .eq, "v2.0.0"),
        .init("v2.0.1+incompatible", .gt, "v2.0.0+incompatible"),
        .init("v3.1.0+incompatible", .lt, "v3.2.0"),
        .init("v2.3.4+incompatible", .eq, "2.3.4+incompatible"),
        .init("v1.0.0+meta.1", .eq, "v1.0.0+other"),
        // Toolchain versions for the stdlib module, as govulncheck reads them.
        .init("go1.19.8", .eq, "1.19.8"),
        .init("go1.21", .eq, "1.21.0"),
        .init("go1", .eq, "v1.0.0"),
        .init("go1.21rc2", .lt, "1.21.0"),
        .init("1.21rc2", .eq, "v1.21.0-rc.2"),
        .init("go1.21rc2", .gt, "go1.21rc1"),
        .init("go1.21beta1", .lt, "go1.21rc1"),
        .init("go1.20.14", .lt, "go1.21rc1"),
        .init("v1.18.0-rc.1", .eq, "go1.18rc1"),
        .init("1.22.0-0", .lt, "1.22rc1"),
        .init("1.21.0", .gt, "1.20.14"),
        // Invalid for x/mod: below every version, bytewise among themselves.
        .init("(devel)", .lt, "v0.0.0-0"),
        .init("(devel)", .lt, "latest"),
        .init("v1.02.3", .lt, "v0.0.1"),
        .init("v1.2.3-01", .lt, "v0.0.1"),
        .init("v1.2-pre", .lt, "v0.0.1"),
        .init("v1.2.3.4", .lt, "v0.0.1"),
        .init("v1.2.3-", .lt, "v0.0.0"),
        .init("v1.2.3+", .lt, "v0"),
        .init("vv1.2.3", .lt, "v0"),
        .init("V1.2.3", .lt, "v0.0.0"),
        .init("", .lt, "v0"),
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(GoVersion.compare)
    }

    @Test func pseudoVersionsSortAroundTheirBase() {
        OrderingLaws.verifySorted(GoVersion.compare, [
            "v0.0.0-20190101000000-aaaaaaaaaaaa", "v0.0.0-20200101000000-aaaaaaaaaaaa", "v1.2.3-pre",
            "v1.2.3-pre.0.20200101000000-aaaaaaaaaaaa", "v1.2.3-pre.1", "v1.2.3", "v1.2.4-0.20200101000000-aaaaaaaaaaaa",
            "v1.2.4-0.20210101000000-aaaaaaaaaaaa", "v1.2.4", "v2.0.0+incompatible", "v2.0.1",
        ])
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(GoVersion.compare, over: OrderingLaws.versions(in: Self.pairs))
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.go).compare("v2.0.0+incompatible", "2.0.0") == 0)
    }
}
