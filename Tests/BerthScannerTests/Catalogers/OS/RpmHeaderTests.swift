import Foundation
import Testing
@testable import BerthScanner

@Suite struct RpmHeaderTests {
    private func package(_ builder: RpmHeaderBlobBuilder) throws -> InstalledPackage? {
        try RpmAnalyzer.package(fromHeader: builder.build(), location: "var/lib/rpm/rpmdb.sqlite", layerIndex: 4)
    }

    @Test func identityTags() throws {
        let found = try #require(try package(.package()))
        #expect(found == InstalledPackage(
            name: "bash", version: "5.1.8-6.el9", format: .rpm, sourceName: "bash", sourceVersion: "5.1.8-6.el9",
            architecture: "x86_64", license: "GPLv3+", location: "var/lib/rpm/rpmdb.sqlite", layerIndex: 4))
    }

    @Test func epochPrefixesBinaryAndSourceVersions() throws {
        let found = try #require(try package(.package(
            name: "openssl-libs", version: "3.0.7", release: "27.el9", epoch: 1,
            sourceRPM: "openssl-3.0.7-27.el9.src.rpm")))
        #expect(found.version == "1:3.0.7-27.el9")
        #expect(found.sourceName == "openssl")
        #expect(found.sourceVersion == "1:3.0.7-27.el9")
    }

    @Test func zeroEpochIsLeftOut() throws {
        #expect(try package(.package(epoch: 0))?.version == "5.1.8-6.el9")
    }

    @Test func optionalTagsMayBeMissing() throws {
        let found = try #require(try package(.package(arch: nil, license: nil, sourceRPM: nil)))
        #expect(found.architecture == nil)
        #expect(found.license == nil)
        #expect(found.sourceName == nil)
        #expect(found.sourceVersion == nil)
    }

    @Test func gpgPubkeyIsSkipped() throws {
        #expect(try package(.package(name: "gpg-pubkey", version: "fd431d51", release: "4ae0493b", arch: nil, sourceRPM: nil)) == nil)
    }

    @Test func i18nLicenseReadsItsFirstString() throws {
        var builder = RpmHeaderBlobBuilder.package(license: nil)
        builder.stringArray(1014, ["MIT", "ignored"], type: 9)
        #expect(try package(builder)?.license == "MIT")
    }

    @Test func missingRequiredTagsThrow() throws {
        var noName = RpmHeaderBlobBuilder()
        noName.string(1001, "1")
        noName.string(1002, "1")
        #expect(throws: RpmHeaderError("no NAME tag (1000)")) { try package(noName) }

        var noVersion = RpmHeaderBlobBuilder()
        noVersion.string(1000, "x")
        noVersion.string(1002, "1")
        #expect(throws: RpmHeaderError("package x has no VERSION tag (1001)")) { try package(noVersion) }

        var noRelease = RpmHeaderBlobBuilder()
        noRelease.string(1000, "x")
        noRelease.string(1001, "1")
        #expect(throws: RpmHeaderError("package x has no RELEASE tag (1002)")) { try package(noRelease) }
    }

    @Test func truncatedAndOversizedBlobsThrow() throws {
        let good = RpmHeaderBlobBuilder.package().build()
        for length in [0, 4, 7, 8, 20, good.count - 1] {
            #expect(throws: RpmHeaderError.self) { try RpmHeader(blob: good.prefix(length)) }
        }
        #expect(throws: RpmHeaderError.self) { try RpmHeader(blob: good + Data([0])) }
        // The same header as it appears in a package file, with the magic.
        let withMagic = Data([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]) + good
        #expect(throws: RpmHeaderError.self) { try RpmHeader(blob: withMagic) }
    }

    @Test func absurdCountsThrow() throws {
        let cases: [[UInt8]] = [
            [0, 0, 0, 0, 0, 0, 0, 0],  // no entries
            [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0],  // negative il
            [0x00, 0x01, 0x00, 0x00, 0, 0, 0, 0],  // il above 0xffff
            [0, 0, 0, 1, 0x7f, 0xff, 0xff, 0xff],  // dl above 256 MB
            [0, 0, 0, 1, 0xff, 0xff, 0xff, 0xf0],  // negative dl
            [0x00, 0x00, 0xff, 0xff, 0x0f, 0xff, 0xff, 0xff],  // big but "valid" counts, tiny blob
        ]
        for bytes in cases {
            #expect(throws: RpmHeaderError.self) { try RpmHeader(blob: Data(bytes)) }
        }
    }

    @Test func offsetsOutsideTheDataStoreThrow() throws {
        let builder = RpmHeaderBlobBuilder.package()
        for offset: Int32 in [-1, -16, 10_000, Int32.max, Int32.min] {
            #expect(throws: RpmHeaderError.self) { try RpmHeader(blob: builder.build(overrideOffset: (0, offset))) }
        }
    }

    @Test func unknownTypeThrows() throws {
        var builder = RpmHeaderBlobBuilder.package()
        builder.raw(tag: 5000, type: 10, count: 1, bytes: [0])
        #expect(throws: RpmHeaderError("entry 6 (tag 5000) has unknown data type 10")) { try RpmHeader(blob: builder.build()) }
    }

    @Test func unterminatedStringThrows() throws {
        var builder = RpmHeaderBlobBuilder()
        builder.string(1001, "1")
        builder.string(1002, "1")
        builder.raw(tag: 1000, type: 6, count: 1, bytes: Array("no-nul".utf8))
        #expect(throws: RpmHeaderError.self) { try package(builder) }
        // Offset exactly at the end of the store: an empty, unterminated string.
        let atEnd = RpmHeaderBlobBuilder.package()
        let blob = atEnd.build()
        let dataLength = Int32(blob[4]) << 24 | Int32(blob[5]) << 16 | Int32(blob[6]) << 8 | Int32(blob[7])
        #expect(throws: RpmHeaderError.self) { try package(atEnd, overrideFirstOffset: dataLength) }
    }

    @Test func wrongTypesThrow() throws {
        var stringEpoch = RpmHeaderBlobBuilder.package()
        stringEpoch.string(1003, "1")
        #expect(throws: RpmHeaderError("tag 1003 has type 6, expected int32")) { try package(stringEpoch) }

        var intName = RpmHeaderBlobBuilder()
        intName.int32(1000, 5)
        #expect(throws: RpmHeaderError("tag 1000 has type 4, expected a string")) { try package(intName) }

        var zeroCount = RpmHeaderBlobBuilder.package()
        zeroCount.raw(tag: 1003, type: 4, count: 0)
        #expect(throws: RpmHeaderError("tag 1003 is an int32 with count 0")) { try package(zeroCount) }
    }

    @Test func int32PastTheEndOrMisalignedThrows() throws {
        var shortEpoch = RpmHeaderBlobBuilder.package()
        shortEpoch.raw(tag: 1003, type: 4, count: 1, bytes: [0, 1])
        #expect(throws: RpmHeaderError.self) { try package(shortEpoch) }

        var misaligned = RpmHeaderBlobBuilder()
        misaligned.string(1000, "x")  // 2 bytes, so the raw int32 lands at offset 2
        misaligned.raw(tag: 1003, type: 4, count: 1, bytes: [0, 0, 0, 1])
        let header = try RpmHeader(blob: misaligned.build())
        #expect(throws: RpmHeaderError("tag 1003 int32 at offset 2 is not 4-byte aligned")) { try header.int32(1003) }
    }

    @Test func repeatedTagKeepsTheFirst() throws {
        var builder = RpmHeaderBlobBuilder.package()
        builder.string(1000, "second")
        #expect(try package(builder)?.name == "bash")
    }

    @Test func randomBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let good = RpmHeaderBlobBuilder.package(epoch: 3).build()
        for _ in 0..<2000 {
            var blob = [UInt8](good)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                blob[Int.random(in: 0..<blob.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? RpmAnalyzer.package(fromHeader: Data(blob), location: "x", layerIndex: 0)
        }
    }

    private func package(_ builder: RpmHeaderBlobBuilder, overrideFirstOffset offset: Int32) throws -> InstalledPackage? {
        try RpmAnalyzer.package(fromHeader: builder.build(overrideOffset: (0, offset)), location: "x", layerIndex: 0)
    }
}
