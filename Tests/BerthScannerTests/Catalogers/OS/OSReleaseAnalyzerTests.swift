import Foundation
import Testing
@testable import BerthScanner

@Suite struct OSReleaseAnalyzerTests {
    let analyzer = OSReleaseAnalyzer()

    private func detect(_ text: String, at path: String) throws -> (OperatingSystem, Int)? {
        let findings = try analyzer.analyze(OSCatalogerFixtures.imageFile(text, at: path))
        return OSCatalogerFixtures.operatingSystems(findings).first
    }

    private func detectFixture(_ fixture: String, at path: String = "etc/os-release") throws -> (OperatingSystem, Int)? {
        let findings = try analyzer.analyze(OSCatalogerFixtures.fixtureFile(fixture, at: path))
        return OSCatalogerFixtures.operatingSystems(findings).first
    }

    @Test func wantsExactlyTheReleaseFiles() {
        let wanted = [
            "etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/redhat-release",
            "etc/centos-release", "etc/rocky-release", "etc/almalinux-release", "etc/fedora-release",
            "etc/debian_version",
        ]
        for path in wanted {
            #expect(analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
        let unwanted = [
            "/etc/os-release", "etc/os-release.bak", "usr/etc/os-release", "foo/etc/os-release",
            "etc/lsb-release", "etc/issue", "etc/debian_version/x", "var/lib/dpkg/status",
        ]
        for path in unwanted {
            #expect(!analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
        #expect(!analyzer.wants(OSCatalogerFixtures.entry("etc/os-release", size: 10 * 1024 * 1024)))
        #expect(analyzer.name == "os-release")
    }

    @Test func precedenceFollowsThePath() throws {
        let cases: [(String, String, Int)] = [
            ("ID=debian\nVERSION_ID=12\n", "etc/os-release", 0),
            ("ID=debian\nVERSION_ID=12\n", "usr/lib/os-release", 1),
            ("3.19.1\n", "etc/alpine-release", 2),
            ("Fedora release 39 (Thirty Nine)\n", "etc/fedora-release", 3),
            ("12.5\n", "etc/debian_version", 4),
        ]
        for (text, path, precedence) in cases {
            #expect(try detect(text, at: path)?.1 == precedence, "\(path)")
        }
    }

    @Test func debianOSRelease() throws {
        let (system, precedence) = try #require(try detectFixture("os-release/debian-12", at: "usr/lib/os-release"))
        #expect(system == OperatingSystem(id: "debian", versionID: "12", prettyName: "Debian GNU/Linux 12 (bookworm)"))
        #expect(precedence == 1)
        #expect(system.identifier == "debian:12")
    }

    @Test func alpineOSRelease() throws {
        let (system, _) = try #require(try detectFixture("os-release/alpine-3.19"))
        #expect(system == OperatingSystem(id: "alpine", versionID: "3.19.1", prettyName: "Alpine Linux v3.19"))
        #expect(system.identifier == "alpine:3.19")
    }

    @Test func rhelOSRelease() throws {
        let (system, _) = try #require(try detectFixture("os-release/ubi-9.3"))
        #expect(system == OperatingSystem(id: "rhel", versionID: "9.3", prettyName: "Red Hat Enterprise Linux 9.3 (Plow)"))
        #expect(system.identifier == "rhel:9")
    }

    @Test func ubuntuOSRelease() throws {
        let (system, _) = try #require(try detectFixture("os-release/ubuntu-22.04"))
        #expect(system == OperatingSystem(id: "ubuntu", versionID: "22.04", prettyName: "Ubuntu 22.04.4 LTS"))
    }

    @Test func testingReleaseWithoutVersionIDFallsBackToCodename() throws {
        let (system, _) = try #require(try detectFixture("os-release/debian-testing"))
        #expect(system == OperatingSystem(id: "debian", versionID: "trixie", prettyName: "Debian GNU/Linux trixie/sid"))
    }

    @Test func idIsLowercasedAndDefaultsToLinux() throws {
        #expect(try detect("ID=\"Alpine\"\nVERSION_ID='3.20.0'\n", at: "etc/os-release")?.0.id == "alpine")
        let (system, _) = try #require(try detect("NAME=\"Mystery\"\nVERSION_ID=1\n", at: "etc/os-release"))
        #expect(system == OperatingSystem(id: "linux", versionID: "1", prettyName: "Mystery"))
    }

    @Test func emptyOrCommentOnlyOSReleaseSaysNothing() throws {
        #expect(try detect("", at: "etc/os-release") == nil)
        #expect(try detect("# nothing here\n", at: "etc/os-release") == nil)
    }

    @Test func alpineRelease() throws {
        let (system, precedence) = try #require(try detect("3.19.1\n", at: "etc/alpine-release"))
        #expect(system.id == "alpine")
        #expect(system.versionID == "3.19.1")
        #expect(precedence == 2)
        #expect(try detect("\n", at: "etc/alpine-release") == nil)
    }

    @Test(arguments: [
        ("Red Hat Enterprise Linux release 9.3 (Plow)", "etc/redhat-release", "rhel", "9.3"),
        ("Red Hat Enterprise Linux Server release 7.9 (Maipo)", "etc/redhat-release", "rhel", "7.9"),
        ("CentOS Linux release 7.9.2009 (Core)", "etc/centos-release", "centos", "7.9.2009"),
        ("CentOS Stream release 9", "etc/centos-release", "centos", "9"),
        ("Rocky Linux release 9.3 (Blue Onyx)", "etc/rocky-release", "rocky", "9.3"),
        ("Rocky Linux release 8.9 (Green Obsidian)", "etc/redhat-release", "rocky", "8.9"),
        ("AlmaLinux release 9.3 (Shamrock Pampas Cat)", "etc/almalinux-release", "almalinux", "9.3"),
        ("Fedora release 39 (Thirty Nine)", "etc/fedora-release", "fedora", "39"),
        ("Oracle Linux Server release 8.9", "etc/redhat-release", "ol", "8.9"),
        ("Amazon Linux release 2023 (Amazon Linux)", "etc/redhat-release", "amzn", "2023"),
        ("Unknown Derivative release 4.2", "etc/rocky-release", "rocky", "4.2"),
    ])
    func redHatFamilyBanners(line: String, path: String, id: String, version: String) throws {
        let (system, precedence) = try #require(try detect(line + "\n", at: path))
        #expect(system.id == id)
        #expect(system.versionID == version)
        #expect(system.prettyName == line)
        #expect(precedence == 3)
    }

    @Test func redHatBannerWithoutAVersionSaysNothing() throws {
        #expect(try detect("Red Hat Enterprise Linux release (Plow)\n", at: "etc/redhat-release") == nil)
        #expect(try detect("", at: "etc/redhat-release") == nil)
    }

    @Test func debianVersionNumberKeepsTheMajor() throws {
        let (system, precedence) = try #require(try detect("12.5\n", at: "etc/debian_version"))
        #expect(system == OperatingSystem(id: "debian", versionID: "12", prettyName: "Debian GNU/Linux 12.5"))
        #expect(precedence == 4)
        #expect(try detect("9.13", at: "etc/debian_version")?.0.versionID == "9")
    }

    @Test func debianVersionCodenameIsKeptAsWritten() throws {
        let (system, _) = try #require(try detect("bookworm/sid\n", at: "etc/debian_version"))
        #expect(system == OperatingSystem(id: "debian", versionID: "bookworm/sid", prettyName: "Debian GNU/Linux bookworm/sid"))
    }

    /// This machine's os-release, compared with what the shell reads from it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/os-release")))
    func thisMachinesOSRelease() throws {
        let contents = try Data(contentsOf: URL(fileURLWithPath: "/etc/os-release"))
        let findings = try analyzer.analyze(OSCatalogerFixtures.imageFile(contents, at: "etc/os-release"))
        let (system, precedence) = try #require(OSCatalogerFixtures.operatingSystems(findings).first)
        #expect(precedence == 0)

        let shell = try OSCatalogerFixtures.run(
            "/bin/sh", ["-c", ". /etc/os-release; printf '%s\\0%s\\0%s' \"$ID\" \"${VERSION_ID:-$VERSION_CODENAME}\" \"$PRETTY_NAME\""])
        let parts = shell.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
        #expect(system.id == parts[0].lowercased())
        #expect(system.versionID == parts[1])
        #expect(system.prettyName == parts[2])
    }
}
