import Foundation
import Testing
@testable import BerthScanner

@Suite("OSV record decoding")
struct OSVRecordDecodingTests {
    @Test func decodesEveryModelledField() throws {
        let record = try OSVFixtures.record("tree/PyPI/GHSA-2m57-hf25-phgg.json")
        #expect(record.schemaVersion == "1.4.0")
        #expect(record.id == "GHSA-2m57-hf25-phgg")
        #expect(record.aliases == ["PYSEC-2023-13", "CVE-2023-23969"])
        #expect(record.summary == "Potential denial-of-service via Accept-Language headers")
        #expect(record.severity == [OSVSeverity(type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")])
        #expect(record.references == [OSVReference(type: "WEB", url: "https://example.invalid/advisory")])
        #expect(record.published == OSVTimestamp.parse("2023-02-01T03:30:39Z"))
        #expect(record.withdrawn == nil)
        let affected = try #require(record.affected.first)
        #expect(affected.package == OSVPackage(ecosystem: "PyPI", name: "zope-interface"))
        #expect(affected.ranges.count == 2)
        #expect(affected.ranges[0].type == .ecosystem)
        #expect(affected.ranges[0].events == [.introduced("3.2"), .fixed("3.2.17")])
        #expect(affected.databaseSpecific?["source"]?.stringValue == "https://github.com/advisories/GHSA-2m57-hf25-phgg")
        #expect(record.databaseSeverity == "HIGH")
        #expect(record.databaseSpecific?["github_reviewed"] == .bool(true))
        #expect(record.databaseSpecific?["nvd_published_at"] == .null)
        #expect(record.databaseSpecific?["cwe_ids"] == .array([.string("CWE-400")]))
    }

    @Test func keepsEcosystemSpecificAndRangeRepo() throws {
        let go = try OSVFixtures.record("tree/Go/GO-2023-2102.json")
        let imports = go.affected[0].ecosystemSpecific?["imports"]
        guard case .array(let list) = imports else {
            Issue.record("ecosystem_specific.imports not kept: \(String(describing: imports))")
            return
        }
        #expect(list.first?["path"]?.stringValue == "net/http")

        let git = try OSVFixtures.records("events.json").first { $0.id == "TEST-GIT" }
        #expect(git?.affected[0].ranges[0].type == .git)
        #expect(git?.affected[0].ranges[0].repo == "https://example.invalid/pkg-git.git")
    }

    @Test func ignoresUnknownFields() throws {
        let record = try OSVFixtures.record("tree/Debian/DSA-5532-1.json")
        #expect(record.id == "DSA-5532-1")
        #expect(record.affected.count == 2)
    }

    @Test(arguments: [
        ("2023-10-30T05:09:35Z", 1_698_642_575.0),
        ("2023-10-30T05:09:35.5Z", 1_698_642_575.5),
        ("2023-10-30T05:09:35.123456789Z", 1_698_642_575.123456789),
        ("2023-10-30T07:09:35+02:00", 1_698_642_575.0),
        ("2023-10-30t05:09:35z", 1_698_642_575.0),
        ("2023-10-30", 1_698_624_000.0),
        ("1970-01-01T00:00:00Z", 0.0),
        ("2000-02-29T12:00:00Z", 951_825_600.0),
    ])
    func parsesTimestamps(text: String, seconds: Double) throws {
        let date = try #require(OSVTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test(arguments: ["yesterday", "2023-13-01T00:00:00Z", "2023-10-30T05:09:35", "2023-10-30T05:09:35.Z", ""])
    func rejectsMalformedTimestamps(text: String) {
        #expect(OSVTimestamp.parse(text) == nil)
    }

    @Test func formatsTimestampsInUTC() throws {
        #expect(OSVTimestamp.format(Date(timeIntervalSince1970: 1_698_642_575)) == "2023-10-30T05:09:35Z")
        #expect(OSVTimestamp.format(Date(timeIntervalSince1970: 1_698_642_575.25)) == "2023-10-30T05:09:35.25Z")
        #expect(OSVTimestamp.format(Date(timeIntervalSince1970: 951_825_600)) == "2000-02-29T12:00:00Z")
    }

    @Test func roundTripsThroughJSONEncoder() throws {
        for file in ["tree/PyPI/GHSA-2m57-hf25-phgg.json", "tree/Go/GO-2023-2102.json", "tree/Debian/DSA-5532-1.json"] {
            let record = try OSVFixtures.record(file)
            let encoded = try JSONEncoder().encode(record)
            let decoded = try JSONDecoder().decode(OSVRecord.self, from: encoded)
            #expect(decoded.id == record.id)
            #expect(decoded.affected == record.affected)
            #expect(decoded.databaseSpecific == record.databaseSpecific)
            #expect(abs(decoded.modified.timeIntervalSince(record.modified)) < 0.000_01)
        }
        let events = try OSVFixtures.records("events.json")
        let reencoded = try JSONDecoder().decode([OSVRecord].self, from: JSONEncoder().encode(events))
        #expect(reencoded.map(\.affected) == events.map(\.affected))
        #expect(reencoded.map(\.withdrawn) == events.map(\.withdrawn))
    }

    @Test func displayIDPrefersACVE() throws {
        let base = OSVRecord(id: "GHSA-aaaa-bbbb-cccc", modified: Date(timeIntervalSince1970: 0))
        #expect(base.displayID == "GHSA-aaaa-bbbb-cccc")

        var aliased = base
        aliased.aliases = ["PYSEC-2024-1", "CVE-2024-0001"]
        #expect(aliased.displayID == "CVE-2024-0001")

        var cve = base
        cve.id = "CVE-2024-0002"
        cve.aliases = ["CVE-2024-0003"]
        #expect(cve.displayID == "CVE-2024-0002")

        let debian = try OSVFixtures.record("tree/Debian/DEBIAN-CVE-2023-4911.json")
        #expect(debian.displayID == "CVE-2023-4911")

        // An advisory bundling several CVEs upstream is not one CVE.
        let redHat = try OSVFixtures.record("tree/RedHat/RHSA-2024-0001.json")
        #expect(redHat.displayID == "RHSA-2024:0001")
    }

    @Test func packageKeysAreNormalisedAndUnique() throws {
        let redHat = try OSVFixtures.record("tree/RedHat/RHSA-2024-0001.json")
        #expect(redHat.packageKeys == [
            OSVPackageKey(ecosystem: "Red Hat:enterprise_linux:9::appstream", name: "openssl"),
            OSVPackageKey(ecosystem: "Red Hat:enterprise_linux:9::baseos", name: "openssl"),
            OSVPackageKey(ecosystem: "Rocky Linux:9", name: "openssl"),
        ])

        let record = OSVRecord(
            id: "X", modified: Date(timeIntervalSince1970: 0),
            affected: [
                OSVAffected(package: OSVPackage(ecosystem: "PyPI", name: "Zope.Interface")),
                OSVAffected(package: OSVPackage(ecosystem: "PyPI", name: "zope_interface")),
                OSVAffected(package: nil),
            ])
        #expect(record.packageKeys == [OSVPackageKey(ecosystem: "PyPI", name: "zope-interface")])
    }

    @Test func packageKeysCompareEcosystemsCaseSensitively() {
        #expect(OSVPackageKey(ecosystem: "Debian:12", name: "openssl") != OSVPackageKey(ecosystem: "debian:12", name: "openssl"))
        #expect(OSVPackageKey(ecosystem: "npm", name: "React") != OSVPackageKey(ecosystem: "npm", name: "react"))
        #expect(OSVPackageKey(ecosystem: "PyPI", name: "Django") == OSVPackageKey(ecosystem: "PyPI", name: "django"))
        #expect(OSVPackageKey(ecosystem: "pypi", name: "Django").name == "Django")
    }

    @Test(arguments: [
        ("Django", "django"), ("zope.interface", "zope-interface"), ("Foo__Bar-.baz", "foo-bar-baz"),
        ("ruamel.yaml", "ruamel-yaml"), ("_private", "-private"),
    ])
    func normalisesPyPINamesPerPEP503(name: String, normalised: String) {
        #expect(OSVEcosystem.pep503(name) == normalised)
    }

    @Test func decodingErrorNamesRecordAndField() throws {
        let data = try Data(contentsOf: OSVFixtures.url("bad/missing-name.json"))
        do {
            _ = try JSONDecoder().decode(OSVRecord.self, from: data)
            Issue.record("expected a decoding error")
        } catch let error as OSVRecordDecodingError {
            #expect(error.recordID == "BAD-MISSING-NAME")
            #expect(error.field == "affected[1].package.name")
            #expect(error.description == "invalid OSV record BAD-MISSING-NAME, field affected[1].package.name: required field is missing")
        }
    }

    @Test func rawJSONValueRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":{}}]}"#
        let value = try JSONDecoder().decode(OSVJSONValue.self, from: Data(text.utf8))
        let again = try JSONDecoder().decode(OSVJSONValue.self, from: JSONEncoder().encode(value))
        #expect(value == again)
        #expect(value["a"] == .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null, .object(["b": .object([:])])]))
    }
}
