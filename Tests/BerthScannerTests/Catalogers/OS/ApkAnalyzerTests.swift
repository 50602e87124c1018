import Foundation
import Testing
@testable import BerthScanner

@Suite struct ApkAnalyzerTests {
    let analyzer = ApkAnalyzer()

    private func packages(_ text: String) throws -> [InstalledPackage] {
        OSCatalogerFixtures.packages(try analyzer.analyze(OSCatalogerFixtures.imageFile(text, at: "lib/apk/db/installed")))
    }

    @Test func wantsBothDatabaseLocations() {
        #expect(analyzer.name == "apk")
        #expect(analyzer.wants(OSCatalogerFixtures.entry("lib/apk/db/installed")))
        #expect(analyzer.wants(OSCatalogerFixtures.entry("usr/lib/apk/db/installed")))
        for path in ["/lib/apk/db/installed", "lib/apk/db/installed.old", "lib/apk/db/triggers", "etc/apk/world", "x/lib/apk/db/installed"] {
            #expect(!analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
    }

    @Test func alpineFixture() throws {
        let file = try OSCatalogerFixtures.fixtureFile("apk/installed", at: "lib/apk/db/installed", layerIndex: 1)
        let found = OSCatalogerFixtures.packages(try analyzer.analyze(file))
        #expect(found.map(\.name) == [
            "alpine-baselayout-data", "musl", "busybox", "busybox-binsh", "ca-certificates-bundle",
            "libcrypto3", "libssl3", "musl-utils",
        ])
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        #expect(byName["libcrypto3"] == InstalledPackage(
            name: "libcrypto3", version: "3.1.4-r5", format: .apk, sourceName: "openssl",
            architecture: "x86_64", license: "Apache-2.0", location: "lib/apk/db/installed", layerIndex: 1))
        #expect(byName["musl"]?.version == "1.2.4_git20230717-r4")
        #expect(byName["musl"]?.sourceName == "musl")
        #expect(byName["busybox-binsh"]?.sourceName == "busybox")
        #expect(byName["alpine-baselayout-data"]?.sourceName == "alpine-baselayout")
        #expect(byName["ca-certificates-bundle"]?.license == "MPL-2.0 AND MIT")
        #expect(byName["musl-utils"]?.license == "MIT AND BSD-2-Clause AND GPL-2.0-or-later")
        #expect(found.allSatisfy { $0.format == .apk && $0.sourceVersion == nil && $0.sourceType == .os })
    }

    @Test func missingVersionOrNameIsSkipped() throws {
        let found = try packages("P:noversion\nA:x86_64\n\nV:1.0-r0\n\nP:ok\nV:1.0-r0\n")
        #expect(found.map(\.name) == ["ok"])
        #expect(found.first?.sourceName == nil)
        #expect(found.first?.license == nil)
    }

    @Test func fileLinesAndOddLinesAreIgnored() throws {
        let found = try packages("C:Q1abc=\r\nP:pkg\r\nV:2-r1\r\nR:P:not-a-name\r\nF:usr\r\nZ:Q1x=\r\nnonsense\r\nx\r\nP:second-P-ignored\r\n")
        #expect(found.count == 1)
        #expect(found.first?.name == "pkg")
        #expect(found.first?.version == "2-r1")
    }

    @Test func emptyDatabase() throws {
        #expect(try packages("").isEmpty)
        #expect(try packages("\n\n").isEmpty)
    }

    @Test func lastParagraphWithoutTrailingNewline() throws {
        let found = try packages("P:a\nV:1\no:origin-a\n\nP:b\nV:2\nL:MIT")
        #expect(found.map(\.name) == ["a", "b"])
        #expect(found.last?.license == "MIT")
    }
}
