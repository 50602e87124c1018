import BerthModel
import Foundation
import Testing

/// The scanner end to end: an image whose layers hold this machine's real dpkg database and
/// a real Python METADATA, pushed by skopeo, scanned through `POST /v1/images/scan`, matched
/// against OSV fixtures written here with versions taken from the same machine.
@Suite("Scanning real package databases", .enabled(if: Peers.registriesAvailable))
struct ScannerPeerTests {
    struct ScanImage: Decodable {
        struct Python: Decodable {
            var name: String
            var version: String
        }

        var digest: String
        var python: Python
        var layers: Int
        var path = ""

        enum CodingKeys: String, CodingKey {
            case digest, python, layers
        }
    }

    static func makeImage() throws -> ScanImage {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("berth-scan-\(UUID().uuidString)").path
        let output = try TestImages.run("/usr/bin/env", ["python3", TestImages.fixtures.appendingPathComponent("make_scan_image.py").path, path])
        var image = try JSONDecoder().decode(ScanImage.self, from: Data(output.utf8))
        image.path = path
        return image
    }

    /// Installed packages as dpkg itself reports them: name → (version, source name, source version).
    static func installedDebianPackages() throws -> [String: (version: String, source: String, sourceVersion: String)] {
        let output = try TestImages.run("/usr/bin/dpkg-query", ["-W", "-f", "${Status}\t${Package}\t${Version}\t${source:Package}\t${source:Version}\n"])
        var packages: [String: (String, String, String)] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, fields[0] == "install ok installed" else { continue }
            packages[fields[1]] = (fields[2], fields[3], fields[4])
        }
        return packages
    }

    /// OSV records: three for bash (one affects the installed version, one is fixed by it,
    /// one ended before it), and one each for the Python package, lodash, left-pad (whited
    /// out, so never reported) and log4j-core.
    static func writeAdvisories(bashSourceVersion: String, python: String, lodashFixed: String = "4.17.21") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-osv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let records: [String: String] = [
            "DEBIAN-TEST-1": #"{"id":"DEBIAN-TEST-1","modified":"2026-01-02T00:00:00Z","published":"2026-01-01T00:00:00Z","aliases":["CVE-2099-0001"],"summary":"bash test advisory","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],"affected":[{"package":{"ecosystem":"Debian:12","name":"bash"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"\#(bashSourceVersion)+berth1"}]}]}]}"#,
            "DEBIAN-TEST-2": #"{"id":"DEBIAN-TEST-2","modified":"2026-01-02T00:00:00Z","aliases":["CVE-2099-0002"],"affected":[{"package":{"ecosystem":"Debian:12","name":"bash"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"\#(bashSourceVersion)"}]}]}]}"#,
            "DEBIAN-TEST-3": #"{"id":"DEBIAN-TEST-3","modified":"2026-01-02T00:00:00Z","aliases":["CVE-2099-0003"],"affected":[{"package":{"ecosystem":"Debian:12","name":"bash"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"0.1"}]}]}]}"#,
            "GHSA-test-pypi": #"{"id":"GHSA-test-pypi","modified":"2026-01-02T00:00:00Z","summary":"python test advisory","affected":[{"package":{"ecosystem":"PyPI","name":"\#(python)"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"99.0"}]}]}],"database_specific":{"severity":"HIGH"}}"#,
            "GHSA-35jh-r3h4-6jhm": #"{"id":"GHSA-35jh-r3h4-6jhm","modified":"2026-01-02T00:00:00Z","aliases":["CVE-2021-23337"],"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],"affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"\#(lodashFixed)"}]}]}]}"#,
            "GHSA-left-pad": #"{"id":"GHSA-left-pad","modified":"2026-01-02T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"9.9.9"}]}]}]}"#,
            "GHSA-jfh8-c2jp-5v3q": #"{"id":"GHSA-jfh8-c2jp-5v3q","modified":"2026-01-02T00:00:00Z","published":"2021-12-10T00:00:00Z","aliases":["CVE-2021-44228"],"summary":"Remote code injection in Log4j","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],"affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}]}]}]}"#,
        ]
        for (id, json) in records {
            try Data(json.utf8).write(to: directory.appendingPathComponent("\(id).json"))
        }
        return directory
    }

    @Test func aScanListsExactlyTheInstalledPackagesAndTheAdvisoriesThatAffectThem() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let image = try Self.makeImage()
        let reference = "\(registry)/berth-it/scan-\(UUID().uuidString.prefix(8).lowercased()):1"
        try TestImages.push(TestImages.Layout(path: image.path, amd64: image.digest, arm64: "", index: ""), ref: "scan", to: reference)
        let debian = try Self.installedDebianPackages()
        let bash = try #require(debian["bash"])
        let advisories = try Self.writeAdvisories(bashSourceVersion: bash.sourceVersion, python: image.python.name)

        let test = try await TestServer.make()
        let summary = try await test.server.vulnerabilities.importRecords(from: advisories)
        #expect(summary.records == 7)
        try await test.withClient { api in
            #expect(try await api.send(.post, "/v1/imageintegrations", json: ImageServicePeerTests.integration(registry, name: "loopback")).status == .ok)
            let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(reference)"}"#)
            #expect(reply.status == .ok, "\(reply.text.prefix(500))")
            let scanned = try JSONDecoder().decode(Image.self, from: reply.body)
            let scan = try #require(scanned.scan)
            #expect(scanned.id == image.digest)
            #expect(scan.operatingSystem == "debian:12")
            #expect(scan.notes.isEmpty, "\(scan.notes) \(scan.berthProblems)")
            #expect(!scanned.notes.contains("MISSING_SCAN_DATA"))

            // Exactly the installed packages: every dpkg package, the Python one, lodash and
            // log4j-core; left-pad was whited out in the last layer.
            let os = scan.components.filter { $0.source == "OS" }
            #expect(Dictionary(os.map { ($0.name, $0.version) }, uniquingKeysWith: { a, _ in a }) == debian.mapValues(\.version))
            #expect(os.count == debian.count)
            #expect(os.allSatisfy { $0.layerIndex == 0 && $0.location == "/var/lib/dpkg/status" })
            let languages = scan.components.filter { $0.source != "OS" }
            #expect(Set(languages.map(\.source)) == ["PYTHON", "NODEJS", "JAVA"])
            #expect(languages.count == 3, "\(languages.map(\.name))")
            #expect(!scan.components.contains { $0.name == "left-pad" })
            #expect(scanned.components == Int32(debian.count + 3))

            // Exactly the advisories that affect them, with fixed-by versions and CVSS.
            let bashComponent = try #require(scan.components.first { $0.name == "bash" })
            #expect(bashComponent.vulns.map(\.cve) == ["CVE-2099-0001"])
            let bashCVE = try #require(bashComponent.vulns.first)
            #expect(bashCVE.fixedBy == "\(bash.sourceVersion)+berth1")
            #expect(bashCVE.cvss == 9.8)
            #expect(bashCVE.scoreVersion == "V3")
            #expect(bashCVE.cvssV3?.attackVector == "ATTACK_NETWORK")
            #expect(bashCVE.cvssV3?.severity == "CRITICAL")
            #expect(bashCVE.severity == "CRITICAL_VULNERABILITY_SEVERITY")
            #expect(bashCVE.publishedOn == "2026-01-01T00:00:00Z")
            #expect(bashComponent.fixedBy == "\(bash.sourceVersion)+berth1")

            let python = try #require(languages.first { $0.source == "PYTHON" })
            #expect(python.version == image.python.version)
            #expect(python.vulns.map(\.cve) == ["GHSA-test-pypi"])
            #expect(python.vulns.first?.severity == "IMPORTANT_VULNERABILITY_SEVERITY", "GHSA HIGH without CVSS")
            #expect(python.vulns.first?.fixedBy == "99.0")

            let lodash = try #require(languages.first { $0.name == "lodash" })
            #expect(lodash.layerIndex == 1)
            #expect(lodash.vulns.map(\.cve) == ["CVE-2021-23337"])
            #expect(lodash.vulns.first?.cvss == 7.2)
            #expect(lodash.fixedBy == "4.17.21")

            let log4j = try #require(languages.first { $0.source == "JAVA" })
            #expect(log4j.version == "2.14.1")
            #expect(log4j.vulns.map(\.cve) == ["CVE-2021-44228"])
            #expect(log4j.vulns.first?.cvss == 10)
            #expect(log4j.vulns.first?.cvssV3?.scope == "CHANGED")
            #expect(log4j.vulns.first?.severity == "CRITICAL_VULNERABILITY_SEVERITY")
            #expect(log4j.topCvss == 10)

            let otherVulnerable = scan.components.filter { !$0.vulns.isEmpty }.map(\.name).filter { $0 != "bash" }
            #expect(otherVulnerable.count == 3, "only the fixture's packages are vulnerable: \(otherVulnerable)")
            #expect(scanned.cves == 4)
            #expect(scanned.fixableCves == 4)
            #expect(scanned.topCvss == 10)
            #expect(scanned.riskScore > 1)

            // The same scan through GET, and the scan fields through search.
            let fetched = try JSONDecoder().decode(Image.self, from: try await api.send(.get, "/v1/images/\(image.digest)").body)
            #expect(fetched.scan?.components == scan.components)
            for (query, expected) in [
                ("CVE%3ACVE-2021-44228", 1.0), ("CVE%3ACVE-2099", 1.0), ("CVE%3ACVE-2099-0002", 0.0),
                ("Severity%3ACRITICAL_VULNERABILITY_SEVERITY", 1.0), ("Component%3Alodash", 1.0), ("Component%3Aleft-pad", 0.0),
                ("Fixable%3Atrue", 1.0), ("CVSS%3A%3E9", 1.0), ("Image%20OS%3Adebian", 1.0),
            ] {
                let count = try await api.send(.get, "/v1/imagescount?query=\(query)")
                #expect(count.json?["count"] == .number(expected), "\(query): \(count.text)")
            }

            // A re-import that withdraws lodash's advisory changes the next forced scan, which
            // re-matches the cached inventory.
            let update = try Self.writeAdvisories(bashSourceVersion: bash.sourceVersion, python: image.python.name, lodashFixed: "4.17.20")
            try await test.server.vulnerabilities.importRecords(from: update)
            let again = try JSONDecoder().decode(Image.self, from: try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(reference)","force":true}"#).body)
            #expect(again.scan?.components.first { $0.name == "lodash" }?.vulns.isEmpty == true)
            #expect(again.cves == 3)
        }
    }
}
