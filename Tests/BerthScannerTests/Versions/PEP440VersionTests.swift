import Testing
@testable import BerthScanner

@Suite struct PEP440VersionTests {
    static let pairs: [VersionPair] = [
        // Normalisation: each spelling means the same version.
        .init("1.0", .eq, "1.0.0"),
        .init("1.0", .eq, "1"),
        .init("1.0.0.0", .eq, "1"),
        .init("1.01", .eq, "1.1"),
        .init("v1.0", .eq, "1.0"),
        .init("V1.0", .eq, "1.0"),
        .init(" 1.0\n", .eq, "1.0"),
        .init("1.0a1", .eq, "1.0alpha1"),
        .init("1.0b2", .eq, "1.0beta2"),
        .init("1.0c1", .eq, "1.0rc1"),
        .init("1.0pre1", .eq, "1.0rc1"),
        .init("1.0preview1", .eq, "1.0rc1"),
        .init("1.0RC1", .eq, "1.0rc1"),
        .init("1.0-a1", .eq, "1.0a1"),
        .init("1.0_a_1", .eq, "1.0a1"),
        .init("1.0.a.1", .eq, "1.0a1"),
        .init("1.0a", .eq, "1.0a0"),
        .init("1.0-1", .eq, "1.0.post1"),
        .init("1.0-post1", .eq, "1.0.post1"),
        .init("1.0post", .eq, "1.0.post0"),
        .init("1.0rev1", .eq, "1.0.post1"),
        .init("1.0r1", .eq, "1.0.post1"),
        .init("1.0-r1", .eq, "1.0.post1"),
        .init("1.0dev", .eq, "1.0.dev0"),
        .init("1.0-dev1", .eq, "1.0.dev1"),
        .init("1.0_dev_1", .eq, "1.0.dev1"),
        .init("1.0.DEV1", .eq, "1.0.dev1"),
        .init("0!1.0", .eq, "1.0"),
        .init("1.0+LOCAL", .eq, "1.0+local"),
        .init("1.0+a-b_c", .eq, "1.0+a.b.c"),
        .init("1.0+05", .eq, "1.0+5"),
        .init("1.0a1-1", .eq, "1.0a1.post1"),
        // Epochs dominate.
        .init("1!1.0", .gt, "2.0"),
        .init("1!0.1", .gt, "999"),
        .init("2!1.0", .gt, "1!9.0"),
        // Release segments.
        .init("1.0.1", .lt, "1.0.10"),
        .init("1.9", .lt, "1.10"),
        .init("2.0.0", .lt, "10.0.0"),
        .init("1.0", .lt, "1.0.1.dev0"),
        .init("1.99999999999999999999999", .lt, "1.100000000000000000000000"),
        // Pre-, post- and dev-release order within one release.
        .init("1.0.dev0", .lt, "1.0a0"),
        .init("1.0.dev456", .lt, "1.0a1"),
        .init("1.0a1", .lt, "1.0a2"),
        .init("1.0a2", .lt, "1.0a10"),
        .init("1.0a1", .lt, "1.0b1"),
        .init("1.0b1", .lt, "1.0rc1"),
        .init("1.0rc1", .lt, "1.0"),
        .init("1.0a1.dev1", .lt, "1.0a1"),
        .init("1.0a1.dev1", .gt, "1.0.dev1"),
        .init("1.0a1.post1", .gt, "1.0a1"),
        .init("1.0a1.post1", .lt, "1.0a2"),
        .init("1.0a1.post1.dev1", .lt, "1.0a1.post1"),
        .init("1.0b2.post345.dev456", .lt, "1.0b2.post345"),
        .init("1.0", .lt, "1.0.post1"),
        .init("1.0.post1.dev1", .lt, "1.0.post1"),
        .init("1.0.post1.dev1", .gt, "1.0"),
        .init("1.0.post10", .gt, "1.0.post9"),
        .init("1.0.dev10", .gt, "1.0.dev9"),
        // Local versions.
        .init("1.0+abc", .gt, "1.0"),
        .init("1.0+abc", .lt, "1.0.post1"),
        .init("1.0+1", .gt, "1.0+abc"),
        .init("1.0+abc.1", .lt, "1.0+abc.2"),
        .init("1.0+abc", .lt, "1.0+abc.1"),
        .init("1.0+abc", .lt, "1.0+abd"),
        .init("1.0+ubuntu1", .lt, "1.0+ubuntu2"),
        // Not PEP 440: below every version, bytewise among themselves.
        .init("not-a-version", .lt, "0.0.0.dev0"),
        .init("1.0-foo", .lt, "0.1"),
        .init("bar", .lt, "foo"),
        .init("1.0.", .lt, "0"),
        .init("1.0+", .lt, "0"),
        .init("1.0+abc..1", .lt, "0"),
        .init("", .lt, "0"),
    ]

    /// PEP 440, "Summary of permitted suffixes and relative ordering".
    static let pepExample = [
        "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
        "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
        "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
        "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
    ]

    /// Alternative spellings, local labels and epochs, in order (the kind
    /// of list `packaging`'s own test suite sorts).
    static let withEpochsAndSpellings = [
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0c1.dev456", "1.0c1", "1.0rc2", "1.0c3",
        "1.0", "1.0.post456.dev34", "1.0.post456", "1.1.dev1", "1.2+123abc", "1.2+123abc456", "1.2+abc",
        "1.2+abc123", "1.2+abc123def", "1.2+1234.abc", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
        "1!1.0.dev456", "1!1.0a1", "1!1.0b2", "1!1.0rc2", "1!1.0", "1!1.0.post456", "1!1.2.rev33+123456",
    ]

    @Test(arguments: pairs)
    func ordering(_ pair: VersionPair) {
        pair.verify(PEP440Version.compare)
    }

    @Test func pepExampleSortsExactly() {
        OrderingLaws.verifySorted(PEP440Version.compare, Self.pepExample)
    }

    @Test func epochsAndSpellingsSortExactly() {
        OrderingLaws.verifySorted(PEP440Version.compare, Self.withEpochsAndSpellings)
    }

    @Test func isATotalOrder() {
        OrderingLaws.verify(
            PEP440Version.compare,
            over: OrderingLaws.versions(in: Self.pairs, plus: [Self.pepExample, Self.withEpochsAndSpellings])
        )
    }

    @Test func schemeDispatchesHere() {
        #expect(VersionScheme.forFormat(.python).compare("1.0", "1.0.0") == 0)
    }
}
