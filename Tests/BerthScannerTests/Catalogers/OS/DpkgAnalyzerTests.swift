import Foundation
import Testing
@testable import BerthScanner

@Suite struct DpkgAnalyzerTests {
    let analyzer = DpkgAnalyzer()

    private func packages(_ text: String, at path: String = "var/lib/dpkg/status", layerIndex: Int = 0) throws -> [InstalledPackage] {
        OSCatalogerFixtures.packages(try analyzer.analyze(OSCatalogerFixtures.imageFile(text, at: path, layerIndex: layerIndex)))
    }

    @Test func wantsStatusAndStatusDirectoryEntries() {
        #expect(analyzer.name == "dpkg")
        for path in ["var/lib/dpkg/status", "var/lib/dpkg/status.d/libc6", "var/lib/dpkg/status.d/base-files"] {
            #expect(analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
        for path in [
            "var/lib/dpkg/status.d/libc6.md5sums", "var/lib/dpkg/status.d/libssl3.list",
            "var/lib/dpkg/status.d/", "var/lib/dpkg/status.d/sub/dir", "var/lib/dpkg/status-old",
            "var/lib/dpkg/available", "var/lib/dpkg/info/libc6.list", "/var/lib/dpkg/status",
            "opt/var/lib/dpkg/status",
        ] {
            #expect(!analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
    }

    @Test func statusFixture() throws {
        let file = try OSCatalogerFixtures.fixtureFile("dpkg/status", at: "var/lib/dpkg/status", layerIndex: 3)
        let found = OSCatalogerFixtures.packages(try analyzer.analyze(file))
        #expect(found.map(\.name) == ["base-files", "bash", "bsdutils", "libc6", "tzdata", "vim-tiny", "zlib1g"])

        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        #expect(byName["base-files"] == InstalledPackage(
            name: "base-files", version: "12.4+deb12u11", format: .dpkg,
            architecture: "amd64", location: "var/lib/dpkg/status", layerIndex: 3))
        // Source with a version: a binNMU (+b8) of bash 5.2.15-2.
        #expect(byName["bash"]?.version == "5.2.15-2+b8")
        #expect(byName["bash"]?.sourceName == "bash")
        #expect(byName["bash"]?.sourceVersion == "5.2.15-2")
        // Epoch in the binary version; the source version as written.
        #expect(byName["bsdutils"]?.version == "1:2.38.1-5+deb12u3")
        #expect(byName["bsdutils"]?.sourceName == "util-linux")
        #expect(byName["bsdutils"]?.sourceVersion == "2.38.1-5+deb12u3")
        // Source without a version.
        #expect(byName["libc6"]?.sourceName == "glibc")
        #expect(byName["libc6"]?.sourceVersion == nil)
        #expect(byName["zlib1g"]?.version == "1:1.2.13.dfsg-1")
        #expect(byName["tzdata"]?.architecture == "all")
        #expect(byName["tzdata"]?.sourceName == nil)
        // "hold ok installed" is installed; config-files and not-installed are not.
        #expect(byName["vim-tiny"]?.version == "2:9.0.1378-2")
        #expect(byName["libcurl4"] == nil)
        #expect(byName["wget"] == nil)
        #expect(found.allSatisfy { $0.format == .dpkg && $0.sourceType == .os && $0.layerIndex == 3 })
    }

    @Test func distrolessStatusDirectory() throws {
        let directory = OSCatalogerFixtures.directory.appendingPathComponent("dpkg/status.d")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var found: [InstalledPackage] = []
        for name in names {
            let path = "var/lib/dpkg/status.d/\(name)"
            let file = try OSCatalogerFixtures.fixtureFile("dpkg/status.d/\(name)", at: path)
            guard analyzer.wants(file.entry) else { continue }
            found += OSCatalogerFixtures.packages(try analyzer.analyze(file))
        }
        #expect(found.map(\.name) == ["base-files", "libc6", "libssl3"])
        let libssl = try #require(found.last)
        #expect(libssl == InstalledPackage(
            name: "libssl3", version: "3.0.15-1~deb12u1", format: .dpkg, sourceName: "openssl",
            architecture: "amd64", location: "var/lib/dpkg/status.d/libssl3"))
        #expect(found.first?.location == "var/lib/dpkg/status.d/base-files")
    }

    @Test(arguments: [
        ("install ok installed", true),
        ("hold ok installed", true),
        ("install ok half-configured", true),
        ("install ok unpacked", true),
        ("deinstall ok installed", false),
        ("purge ok installed", false),
        ("deinstall ok config-files", false),
        ("purge ok not-installed", false),
        ("install ok not-installed", false),
        ("unknown ok not-installed", false),
    ])
    func statusDecidesWhetherAPackageCounts(status: String, installed: Bool) throws {
        let found = try packages("Package: p\nStatus: \(status)\nVersion: 1.0\n")
        #expect(found.count == (installed ? 1 : 0))
    }

    @Test func missingNameOrVersionIsSkipped() throws {
        let found = try packages("""
            Package: noversion
            Status: install ok installed

            Version: 1.0
            Status: install ok installed

            Package: good
            Version:   2.0-1
            Status: install ok installed
            """)
        #expect(found.map(\.name) == ["good"])
        #expect(found.first?.version == "2.0-1")
        #expect(found.first?.architecture == nil)
    }

    @Test func continuationLinesAndOddSpacing() throws {
        let found = try packages(
            "package: lower\r\nVERSION: 1\r\nDescription: first\r\n second line\r\n\tthird\r\n .\r\nArchitecture: arm64\r\n"
                + "   \t \r\n"  // whitespace-only line separates paragraphs
                + "Package: next\nConffiles:\n /etc/a 0123\n /etc/b 4567\nVersion: 3\nstray line without colon\nSource: src (3-0)\n\n\n\n")
        #expect(found.map(\.name) == ["lower", "next"])
        #expect(found[0].version == "1")
        #expect(found[0].architecture == "arm64")
        #expect(found[1].sourceName == "src")
        #expect(found[1].sourceVersion == "3-0")

        let paragraphs = ControlParagraph.parse(Data("Package: a\nDescription: one\n two\n\tthree\nConffiles:\n /etc/x 1\n".utf8))
        #expect(paragraphs.count == 1)
        #expect(paragraphs[0]["description"] == "one\ntwo\nthree")
        #expect(paragraphs[0]["Conffiles"] == "/etc/x 1")
    }

    @Test func repeatedFieldKeepsTheFirst() throws {
        #expect(try packages("Package: a\nVersion: 1\nVersion: 2\n").first?.version == "1")
    }

    @Test func emptyAndGarbageFilesYieldNothing() throws {
        #expect(try packages("").isEmpty)
        #expect(try packages("\n\n\n").isEmpty)
        #expect(try packages(" leading continuation\nno colon here\n").isEmpty)
        let binary = Data([0x00, 0xff, 0xfe, 0x0a, 0x3a, 0x0a])
        #expect(OSCatalogerFixtures.packages(try analyzer.analyze(OSCatalogerFixtures.imageFile(binary, at: "var/lib/dpkg/status"))).isEmpty)
    }

    @Test(arguments: [
        ("glibc", "glibc", nil),
        ("bash (5.2.15-2)", "bash", "5.2.15-2"),
        ("util-linux (1:2.38.1-5)", "util-linux", "1:2.38.1-5"),
        ("  spaced   (  1.0  )  ", "spaced", "1.0"),
        ("unterminated (1.0", "unterminated", "1.0"),
        ("empty ()", "empty", nil),
    ] as [(String, String, String?)])
    func sourceField(field: String, name: String, version: String?) throws {
        let source = try #require(DpkgAnalyzer.parseSource(field))
        #expect(source.name == name)
        #expect(source.version == version)
    }

    @Test func blankSourceIsIgnored() {
        #expect(DpkgAnalyzer.parseSource("  ") == nil)
        #expect(DpkgAnalyzer.parseSource("(1.0)") == nil)
    }

    /// This machine's real database: the count must match dpkg's own view.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/var/lib/dpkg/status")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query")))
    func thisMachinesDpkgStatus() throws {
        let contents = try Data(contentsOf: URL(fileURLWithPath: "/var/lib/dpkg/status"))
        let found = OSCatalogerFixtures.packages(try analyzer.analyze(OSCatalogerFixtures.imageFile(contents, at: "var/lib/dpkg/status")))
        let statuses = try OSCatalogerFixtures.run("/usr/bin/dpkg-query", ["-f", "${Status}\n", "-W"])
        let expected = statuses.split(separator: "\n").filter { $0.contains("install ok installed") }.count
        #expect(expected > 0)
        #expect(found.count == expected)

        let listing = try OSCatalogerFixtures.run("/usr/bin/dpkg-query", ["-f", "${db:Status-Abbrev}|${Package}|${Version}|${Architecture}\n", "-W"])
        let installed = Set(listing.split(separator: "\n").filter { $0.hasPrefix("ii") }.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().joined(separator: "|")
        })
        let ours = Set(found.map { "\($0.name)|\($0.version)|\($0.architecture ?? "")" })
        #expect(ours == installed)
    }
}
