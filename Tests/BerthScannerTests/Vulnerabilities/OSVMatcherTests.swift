import Foundation
import Testing
@testable import BerthScanner

@Suite("OSV matcher")
struct OSVMatcherTests {
    private let matcher = OSVMatcher()

    private func events() throws -> [String: OSVRecord] {
        Dictionary(uniqueKeysWithValues: try OSVFixtures.records("events.json").map { ($0.id, $0) })
    }

    private func check(
        _ id: String, _ ecosystem: String, _ name: String, _ version: String
    ) throws -> VulnerabilityMatch? {
        let record = try #require(try events()[id])
        return matcher.match(record, key: OSVPackageKey(ecosystem: ecosystem, name: name), version: version)
    }

    @Test(arguments: [("0.0.1", true), ("1.1.9", true), ("1.2.0", false), ("1.2.0-rc.1", true), ("2.0.0", false)])
    func introducedZeroAndFixed(version: String, affected: Bool) throws {
        let match = try check("TEST-INTRODUCED-FIXED", "npm", "pkg-basic", version)
        #expect((match != nil) == affected)
        if affected { #expect(match?.fixedBy == "1.2.0") }
    }

    @Test(arguments: [("0.9.0", false), ("1.0.0", true), ("1.4.2", true), ("1.4.3", false)])
    func lastAffectedIsInclusive(version: String, affected: Bool) throws {
        let match = try check("TEST-LAST-AFFECTED", "npm", "pkg-last", version)
        #expect((match != nil) == affected)
        #expect(match?.fixedBy == nil)
    }

    @Test(arguments: [("1.9.9", true), ("2.0.0", false), ("4.9.0", false), ("5.0.0", true), ("99.0.0", true)])
    func limitIsExclusiveAndStarIsUnbounded(version: String, affected: Bool) throws {
        #expect((try check("TEST-LIMIT", "npm", "pkg-limit", version) != nil) == affected)
    }

    @Test(arguments: [
        ("0.9.0", nil), ("1.0.0", "1.2.0"), ("1.1.0", "1.2.0"), ("1.2.0", nil), ("1.9.0", nil),
        ("2.0.0", "2.3.0"), ("2.2.9", "2.3.0"), ("2.3.0", nil), ("3.0.1", "3.0.5"), ("3.0.5", nil),
    ] as [(String, String?)])
    func unsortedEventsAndSeveralRangesAreORed(version: String, fixedBy: String?) throws {
        let match = try check("TEST-MULTI", "npm", "pkg-multi", version)
        #expect((match != nil) == (fixedBy != nil))
        #expect(match?.fixedBy == fixedBy)
    }

    @Test(arguments: [("1.0.5", "1.3.0"), ("1.1.5", "1.2.0"), ("1.2.5", "1.3.0"), ("1.3.0", nil)] as [(String, String?)])
    func fixedByIsTheSmallestFixAboveTheInstalledVersion(version: String, fixedBy: String?) throws {
        let match = try check("TEST-FIXEDBY", "npm", "pkg-fixedby", version)
        #expect((match != nil) == (fixedBy != nil))
        #expect(match?.fixedBy == fixedBy)
    }

    @Test func fixesBelowTheInstalledVersionAreNotOffered() throws {
        let go = try OSVFixtures.record("tree/Go/GO-2023-2102.json")
        let stdlib = OSVPackageKey(ecosystem: "Go", name: "stdlib")
        #expect(matcher.match(go, key: stdlib, version: "1.21.1")?.fixedBy == "1.21.3")
        #expect(matcher.match(go, key: stdlib, version: "1.20.9")?.fixedBy == "1.20.10")
        #expect(matcher.match(go, key: stdlib, version: "1.20.10") == nil)
        #expect(matcher.match(go, key: stdlib, version: "1.21.3") == nil)
    }

    @Test(arguments: [("1.0.0", true), ("1.0.1", true), ("1.0.2", false), ("1.0", false)])
    func versionsListAloneMatchesExactly(version: String, affected: Bool) throws {
        let match = try check("TEST-VERSIONS-ONLY", "npm", "pkg-versions", version)
        #expect((match != nil) == affected)
        #expect(match?.fixedBy == nil)
        if affected { #expect(match?.aliases == ["CVE-2024-1000"]) }
        if affected { #expect(match?.displayID == "CVE-2024-1000") }
    }

    @Test func gitRangesAreIgnored() throws {
        #expect(try check("TEST-GIT", "npm", "pkg-git", "0.0.1") == nil)
    }

    @Test func withdrawnRecordsNeverMatch() throws {
        #expect(try check("TEST-WITHDRAWN", "npm", "pkg-withdrawn", "1.0.0") == nil)
        let record = try #require(try events()["TEST-WITHDRAWN"])
        #expect(record.isWithdrawn)
        #expect(matcher.isAffected(record.affected[0], version: "1.0.0"))
    }

    @Test func semverRangesUseSemverEvenInDistroEcosystems() throws {
        // SemVer: 1.0.0-alpha is a pre-release of 1.0.0, so 1.0.0 is fixed.
        #expect(try check("TEST-SEMVER-IN-DEBIAN", "Debian:12", "pkg-order", "1.0.0") == nil)
        // dpkg: "-alpha" is a Debian revision, so 1.0.0-alpha sorts after 1.0.0.
        #expect(try check("TEST-ECOSYSTEM-IN-DEBIAN", "Debian:12", "pkg-order", "1.0.0")?.fixedBy == "1.0.0-alpha")
    }

    @Test func onlyEntriesForTheKeyCount() throws {
        let dsa = try OSVFixtures.record("tree/Debian/DSA-5532-1.json")
        #expect(matcher.match(dsa, key: OSVPackageKey(ecosystem: "Debian:12", name: "openssl"), version: "3.0.11-1~deb12u1")?.fixedBy == "3.0.11-1~deb12u2")
        #expect(matcher.match(dsa, key: OSVPackageKey(ecosystem: "Debian:12", name: "openssl"), version: "3.0.11-1~deb12u2") == nil)
        #expect(matcher.match(dsa, key: OSVPackageKey(ecosystem: "Debian:11", name: "openssl"), version: "1.1.1n-0+deb11u5")?.fixedBy == "1.1.1w-0+deb11u1")
        #expect(matcher.match(dsa, key: OSVPackageKey(ecosystem: "Debian:13", name: "openssl"), version: "3.0.0-1") == nil)
        #expect(matcher.match(dsa, key: OSVPackageKey(ecosystem: "Debian:12", name: "libssl3"), version: "3.0.0-1") == nil)
    }

    @Test func debianSecurityUpdateSuffixesOrder() throws {
        let glibc = try OSVFixtures.record("tree/Debian/DEBIAN-CVE-2023-4911.json")
        let key = OSVPackageKey(ecosystem: "Debian:12", name: "glibc")
        #expect(matcher.match(glibc, key: key, version: "2.36-9+deb12u1")?.fixedBy == "2.36-9+deb12u3")
        #expect(matcher.match(glibc, key: key, version: "2.36-9")?.fixedBy == "2.36-9+deb12u3")
        #expect(matcher.match(glibc, key: key, version: "2.36-9+deb12u3") == nil)
        #expect(matcher.match(glibc, key: key, version: "2.36-9+deb12u4") == nil)
    }

    @Test func unknownEcosystemOrderingSkipsEcosystemRangesButKeepsVersions() {
        let record = OSVRecord(
            id: "X", modified: Date(timeIntervalSince1970: 0),
            affected: [OSVAffected(
                package: OSVPackage(ecosystem: "Hackage", name: "aeson"),
                ranges: [OSVRange(type: .ecosystem, events: [.introduced("0"), .fixed("2.0")])],
                versions: ["1.5"])])
        let key = OSVPackageKey(ecosystem: "Hackage", name: "aeson")
        #expect(matcher.match(record, key: key, version: "1.4") == nil)
        #expect(matcher.match(record, key: key, version: "1.5") != nil)
    }

    @Test func introducedAndFixedAtTheSameVersionIsEmpty() {
        let entry = OSVAffected(
            package: OSVPackage(ecosystem: "npm", name: "x"),
            ranges: [OSVRange(type: .semver, events: [.fixed("1.0.0"), .introduced("1.0.0")])])
        #expect(!matcher.isAffected(entry, version: "1.0.0"))
        #expect(!matcher.isAffected(entry, version: "0.5.0"))
    }
}
