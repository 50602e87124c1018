import Foundation
import Testing
@testable import BerthScanner

/// Serialized because one test checks that no temporary directory is left
/// behind, which a concurrent analysis would confuse.
@Suite(.serialized) struct RpmAnalyzerTests {
    let analyzer = RpmAnalyzer()

    @Test func wantsTheSQLiteDatabaseLocations() {
        #expect(analyzer.name == "rpm")
        for path in ["var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite", "usr/share/rpm/rpmdb.sqlite"] {
            #expect(analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
        for path in [
            "var/lib/rpm/Packages", "var/lib/rpm/Packages.db", "var/lib/rpm/rpmdb.sqlite-wal",
            "var/lib/rpm/rpmdb.sqlite-shm", "/var/lib/rpm/rpmdb.sqlite", "root/var/lib/rpm/rpmdb.sqlite",
        ] {
            #expect(!analyzer.wants(OSCatalogerFixtures.entry(path)), "\(path)")
        }
    }

    /// The fixture was made by rpm 4.18 itself (see Fixtures/OS/rpm/README.md).
    @Test func realRpmDatabase() throws {
        let file = try OSCatalogerFixtures.fixtureFile("rpm/rpmdb.sqlite", at: "var/lib/rpm/rpmdb.sqlite", layerIndex: 2)
        let found = OSCatalogerFixtures.packages(try analyzer.analyze(file))
        #expect(found == [
            InstalledPackage(
                name: "tiny-tool", version: "0.9-1", format: .rpm,
                sourceName: "tiny-tool", sourceVersion: "0.9-1",
                architecture: "x86_64", license: "GPL-2.0-or-later",
                location: "var/lib/rpm/rpmdb.sqlite", layerIndex: 2),
            InstalledPackage(
                name: "berth-demo-libs", version: "2:1.2.3-4.el9", format: .rpm,
                sourceName: "berth-demo", sourceVersion: "2:1.2.3-4.el9",
                architecture: "noarch", license: "MIT AND BSD-3-Clause",
                location: "var/lib/rpm/rpmdb.sqlite", layerIndex: 2),
            InstalledPackage(
                name: "berth-demo", version: "2:1.2.3-4.el9", format: .rpm,
                sourceName: "berth-demo", sourceVersion: "2:1.2.3-4.el9",
                architecture: "noarch", license: "MIT",
                location: "var/lib/rpm/rpmdb.sqlite", layerIndex: 2),
        ])
    }

    @Test func fixtureContainsTheSkippedPublicKey() throws {
        // The first row is the gpg-pubkey that `rpm --import` added; it must
        // parse and be skipped, not be missing from the fixture.
        let file = try OSCatalogerFixtures.fixtureFile("rpm/rpmdb.sqlite", at: "var/lib/rpm/rpmdb.sqlite")
        let rows = try RpmAnalyzer.headerRows(of: file)
        #expect(rows.count == 4)
        let first = try RpmHeader(blob: try #require(rows.first).1)
        #expect(try first.string(RpmHeader.Tag.name) == "gpg-pubkey")
        #expect(try RpmAnalyzer.package(fromHeader: rows[0].1, location: "x", layerIndex: 0) == nil)
    }

    @Test func temporaryFilesAreRemoved() throws {
        let temporary = FileManager.default.temporaryDirectory
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("berth-rpmdb-") }
        }
        let before = try leftovers()
        let file = try OSCatalogerFixtures.fixtureFile("rpm/rpmdb.sqlite", at: "usr/lib/sysimage/rpm/rpmdb.sqlite")
        _ = try analyzer.analyze(file)
        #expect(try leftovers() == before)
        _ = try? analyzer.analyze(OSCatalogerFixtures.fixtureFile("rpm/no-packages-table.sqlite", at: "var/lib/rpm/rpmdb.sqlite"))
        #expect(try leftovers() == before)
    }

    @Test func malformedRowThrowsWithTheRowNumber() throws {
        let file = try OSCatalogerFixtures.fixtureFile("rpm/malformed-rpmdb.sqlite", at: "var/lib/rpm/rpmdb.sqlite")
        #expect {
            try analyzer.analyze(file)
        } throws: { error in
            guard case .malformedHeader(let path, let record, let reason)? = error as? RpmDatabaseError else { return false }
            return path == "var/lib/rpm/rpmdb.sqlite" && record == 2 && reason.contains("header magic of a package file")
        }
    }

    @Test func databaseWithoutPackagesTable() throws {
        let file = try OSCatalogerFixtures.fixtureFile("rpm/no-packages-table.sqlite", at: "var/lib/rpm/rpmdb.sqlite")
        #expect(throws: RpmDatabaseError.missingPackagesTable(path: "var/lib/rpm/rpmdb.sqlite")) {
            try analyzer.analyze(file)
        }
    }

    @Test func notSQLite() throws {
        for contents in [Data(), Data("hello".utf8), Data(repeating: 0, count: 4096)] {
            let file = OSCatalogerFixtures.imageFile(contents, at: "var/lib/rpm/rpmdb.sqlite")
            #expect(throws: RpmDatabaseError.notSQLite(path: "var/lib/rpm/rpmdb.sqlite")) {
                try analyzer.analyze(file)
            }
        }
    }

    @Test func corruptSQLiteIsReportedNotCrashed() throws {
        var contents = try OSCatalogerFixtures.data("rpm/rpmdb.sqlite")
        contents = contents.prefix(100) + Data(repeating: 0xA5, count: contents.count - 100)
        let file = OSCatalogerFixtures.imageFile(contents, at: "var/lib/rpm/rpmdb.sqlite")
        #expect {
            try analyzer.analyze(file)
        } throws: { error in
            guard case .unreadable(let path, _)? = error as? RpmDatabaseError else { return false }
            return path == "var/lib/rpm/rpmdb.sqlite"
        }
    }

    @Test func errorMessagesNameTheFile() {
        let error = RpmDatabaseError.malformedHeader(path: "var/lib/rpm/rpmdb.sqlite", record: 7, reason: "bad")
        #expect(error.description == "var/lib/rpm/rpmdb.sqlite: malformed rpm header in Packages row 7: bad")
        #expect(RpmDatabaseError.notSQLite(path: "p").description.hasPrefix("p: "))
    }
}
