import BerthScanner
import NIOCore
import Testing

@Suite struct TarParserTests {
    static let name150 = String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 60) + "/file-150-" + String(repeating: "f", count: 19)
    static let name300 = (0..<6).map { String(repeating: Character(String($0)), count: 45) }.joined(separator: "/") + "/" + String(repeating: "z", count: 24)

    @Test func lengthsOfTheLongNames() {
        #expect(Self.name150.utf8.count == 150)
        #expect(Self.name300.utf8.count == 300)
    }

    @Test func ustarSplitsLongNamesIntoPrefix() throws {
        let bytes = try ExternalTool.pythonTar([.file(Self.name150, "hello"), .directory("etc")], format: "ustar")
        // The prefix field really carries part of the name, so this tests the join.
        #expect(bytes[345] != 0)
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.path) == [Self.name150, "etc/"])
        #expect(members[0].text == "hello")
        #expect(members[0].entry.type == .regular)
        #expect(members[1].entry.type == .directory)
    }

    @Test func gnuLongNamesAndLongLinks() throws {
        let bytes = try ExternalTool.pythonTar(
            [.file(Self.name300, "long"), .symlink("short-link", to: Self.name300), .hardLink("hard", to: Self.name300)],
            format: "gnu")
        #expect(bytes[156] == UInt8(ascii: "L"))
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.path) == [Self.name300, "short-link", "hard"])
        #expect(members[0].text == "long")
        #expect(members[1].entry.type == .symbolicLink)
        #expect(members[1].entry.linkName == Self.name300)
        #expect(members[2].entry.type == .hardLink)
        #expect(members[2].entry.linkName == Self.name300)
    }

    @Test func paxLongNamesAndLinks() throws {
        let bytes = try ExternalTool.pythonTar(
            [.file(Self.name300, "pax body"), .symlink(Self.name150 + "-link", to: Self.name300)], format: "pax")
        #expect(bytes[156] == UInt8(ascii: "x"))
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.path) == [Self.name300, Self.name150 + "-link"])
        #expect(members[0].text == "pax body")
        #expect(members[1].entry.linkName == Self.name300)
    }

    @Test func paxPathOverridesTheHeaderName() throws {
        let bytes = try ExternalTool.pythonTar(
            [.file("short", "data", pax: ["path": "real/name/from/pax"]), .file("plain", "x")], format: "pax")
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.path) == ["real/name/from/pax", "plain"])
    }

    @Test func paxGlobalHeaderAppliesUntilAMemberRecordDeletesIt() throws {
        let bytes = TarBuilder.archive([
            TarBuilder.pax([("path", "global/name"), ("comment", "ignored")], global: true),
            TarBuilder.file("header-name", "one"),
            TarBuilder.pax([("path", "")]),
            TarBuilder.file("own-name", "two"),
            TarBuilder.pax([("path", "local/name"), ("size", "3")]),
            TarBuilder.header(name: "x", size: 999) + TarBuilder.padded(Array("abc".utf8)),
        ])
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.path) == ["global/name", "own-name", "local/name"])
        #expect(members.map(\.text) == ["one", "two", "abc"])
    }

    @Test func pythonGlobalPAXHeaderIsNotAMember() throws {
        let bytes = try ExternalTool.pythonTar([.file("a", "1")], format: "pax", global: ["comment": "hi"])
        #expect(bytes[156] == UInt8(ascii: "g"))
        #expect(try TarMember.parse(bytes).map(\.entry.path) == ["a"])
    }

    @Test func oldV7Headers() throws {
        let bytes = TarBuilder.archive([
            TarBuilder.header(name: "olddir/", size: 0, typeflag: "\0", format: .v7),
            TarBuilder.member("olddir/file", Array("v7 body".utf8), typeflag: "\0", format: .v7),
        ])
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.type) == [.directory, .regular])
        #expect(members[1].text == "v7 body")
    }

    @Test func gnuBase256Size() throws {
        let body = Array(repeating: UInt8(ascii: "q"), count: 700)
        let bytes = TarBuilder.archive([
            TarBuilder.header(name: "big", size: body.count, format: .gnu, base256Size: true) + TarBuilder.padded(body),
            TarBuilder.file("after", "ok"),
        ])
        let members = try TarMember.parse(bytes)
        #expect(members[0].entry.size == 700)
        #expect(members[0].body == body)
        #expect(members[1].text == "ok")
    }

    @Test func oldGNUSparseExtensionBlocksAreNotMistakenForHeaders() throws {
        let sparse = TarBuilder.patched(
            TarBuilder.header(name: "holes", size: 10, typeflag: "S", format: .gnu), at: 482, to: 1)
        var extensionBlock = [UInt8](repeating: 0, count: 512)
        extensionBlock[0] = UInt8(ascii: "7")  // a sparse map entry, not a header
        let bytes = TarBuilder.archive([
            sparse + extensionBlock + TarBuilder.padded(Array("0123456789".utf8)), TarBuilder.file("after", "ok"),
        ])
        let members = try TarMember.parse(bytes, chunkSize: 7)
        #expect(members.map(\.entry.path) == ["holes", "after"])
        #expect(members[0].entry.type == .other(UInt8(ascii: "S")))
        #expect(members[1].text == "ok")
    }

    @Test func headerOnlyTypesIgnoreTheirSizeField() throws {
        let bytes = TarBuilder.archive([
            TarBuilder.header(name: "link", size: 4096, typeflag: "1", linkName: "target"),
            TarBuilder.file("next", "still aligned"),
        ])
        let members = try TarMember.parse(bytes)
        #expect(members.map(\.entry.size) == [0, 13])
        #expect(members[1].text == "still aligned")
    }

    @Test(arguments: ["ustar", "gnu", "pax"])
    func chunkSizesGiveIdenticalMembers(format: String) throws {
        let name = format == "ustar" ? Self.name150 : Self.name300
        let bytes = try ExternalTool.pythonTar(
            [
                .directory("etc"), .file("etc/os-release", "os debian 12 1"), .file(name, String(repeating: "x", count: 1500)),
                .symlink("lib", to: "usr/lib"), .file("empty", ""),
            ], format: format)
        let reference = try TarMember.parse(bytes, chunkSize: bytes.count)
        #expect(reference.count == 5)
        for size in [1, 7, 512, 65536] {
            #expect(try TarMember.parse(bytes, chunkSize: size) == reference)
        }
    }

    @Test func badChecksumNamesTheOffset() throws {
        var bytes = TarBuilder.archive([TarBuilder.file("first", "1"), TarBuilder.file("second", "2")])
        bytes[1024 + 10] ^= 0x01
        #expect {
            _ = try TarMember.parse(bytes)
        } throws: { error in
            guard case .badChecksum(let offset, _, _) = error as? TarFormatError else { return false }
            return offset == 1024 && "\(error)".contains("offset 1024")
        }
    }

    @Test(arguments: [100, 512 + 3, 1024 + 200, 512 + 512 + 512 + 100])
    func truncatedArchivesAreErrors(cut: Int) throws {
        let bytes = TarBuilder.archive([
            TarBuilder.file("a", String(repeating: "a", count: 600)), TarBuilder.file("b", "b"),
        ])
        #expect(throws: TarFormatError.self) {
            _ = try TarMember.parse(Array(bytes.prefix(cut)), chunkSize: 7)
        }
    }

    @Test func truncationReportsWhatWasMissing() throws {
        let bytes = TarBuilder.file("a", String(repeating: "a", count: 600))
        #expect(throws: TarFormatError.truncated(offset: 812, expectedMore: "300 more bytes of \"a\"")) {
            _ = try TarMember.parse(Array(bytes.prefix(812)))
        }
    }

    @Test func endingBetweenMembersWithoutZeroBlocksIsAccepted() throws {
        let members = try TarMember.parse(TarBuilder.file("a", "1") + TarBuilder.file("b", "2"))
        #expect(members.map(\.entry.path) == ["a", "b"])
    }

    @Test func bytesAfterTheEndMarkerAreIgnored() throws {
        let bytes = TarBuilder.archive([TarBuilder.file("a", "1")]) + Array("garbage".utf8)
        #expect(try TarMember.parse(bytes).map(\.entry.path) == ["a"])
    }

    @Test func aZeroBlockFollowedByAHeaderIsAnError() throws {
        let bytes = TarBuilder.file("a", "1") + [UInt8](repeating: 0, count: 512) + TarBuilder.file("b", "2")
        #expect(throws: TarFormatError.unexpectedBlockAfterZeroBlock(offset: 1536)) {
            _ = try TarMember.parse(bytes)
        }
    }

    @Test func oversizedMetadataIsRejected() throws {
        let bytes = TarBuilder.header(name: "././@LongLink", size: 2 << 20, typeflag: "L")
        #expect(throws: TarFormatError.metadataTooLarge(offset: 0, size: 2 << 20, limit: 1 << 20)) {
            _ = try TarMember.parse(bytes)
        }
    }

    @Test func malformedPAXRecordIsAnError() throws {
        let bytes = TarBuilder.archive([
            TarBuilder.member("PaxHeaders/x", Array("99 path=x\n".utf8), typeflag: "x"), TarBuilder.file("a", "1"),
        ])
        #expect(throws: TarFormatError.self) {
            _ = try TarMember.parse(bytes)
        }
    }

    @Test func skippedBodiesAreNotReturned() throws {
        var parser = TarParser()
        var input = ByteBufferFactory.make(TarBuilder.archive([TarBuilder.file("a", "secret"), TarBuilder.file("b", "kept")]))
        var bodies: [String] = []
        while let event = try parser.next(from: &input) {
            switch event {
            case .entry(let entry) where entry.path == "a": parser.skipBody()
            case .body(let slice): bodies.append(String(buffer: slice))
            default: break
            }
        }
        try parser.finish()
        #expect(bodies == ["kept"])
        #expect(parser.isFinished)
    }
}
