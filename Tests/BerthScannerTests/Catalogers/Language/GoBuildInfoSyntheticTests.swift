import Foundation
import Testing
@testable import BerthScanner

/// Build-info layouts the host toolchain cannot make, in hand-built ELF
/// files.
@Suite("GoBinaryAnalyzer on synthetic ELF files")
struct GoBuildInfoSyntheticTests {
    let analyzer = GoBinaryAnalyzer()

    private func analyze(_ data: Data, path: String = "usr/local/bin/app") throws -> [InstalledPackage] {
        let entry = FileEntry(path: path, size: Int64(data.count), mode: 0o755)
        return try analyzer.analyze(ImageFile(entry: entry, contents: data, layerIndex: 2)).compactMap {
            if case let .package(package) = $0 { package } else { nil }
        }
    }

    private static let expected: [(String, String)] = [
        ("example.com/app", "v0.3.1"),
        ("golang.org/x/text", "v0.3.7"),
        ("example.com/fork", "v1.1.0"),
        ("stdlib", "1.20.4"),
    ]

    private func expectStandardInventory(_ packages: [InstalledPackage], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(packages.map(\.name) == Self.expected.map(\.0), sourceLocation: sourceLocation)
        #expect(packages.map(\.version) == Self.expected.map(\.1), sourceLocation: sourceLocation)
        #expect(packages.allSatisfy { $0.format == .go && $0.architecture == "mips" && $0.layerIndex == 2 }, sourceLocation: sourceLocation)
        #expect(packages.allSatisfy { $0.location == "usr/local/bin/app" }, sourceLocation: sourceLocation)
    }

    @Test("Go 1.18+ inline format, every class and byte order", arguments: [
        (true, false), (true, true), (false, false), (false, true),
    ])
    func inline(is64Bit: Bool, bigEndian: Bool) throws {
        let elf = SyntheticELF(is64Bit: is64Bit, bigEndian: bigEndian, format: .inline)
        expectStandardInventory(try analyze(elf.build()))
    }

    @Test("pre-1.18 pointer format resolved through the program headers", arguments: [
        (true, false), (true, true), (false, false), (false, true),
    ])
    func pointer(is64Bit: Bool, bigEndian: Bool) throws {
        let elf = SyntheticELF(is64Bit: is64Bit, bigEndian: bigEndian, format: .pointer)
        expectStandardInventory(try analyze(elf.build()))
    }

    @Test("without section headers the writable data segment is searched")
    func noSectionHeaders() throws {
        for format in [SyntheticELF.Format.inline, .pointer] {
            let elf = SyntheticELF(format: format, withSectionHeaders: false)
            expectStandardInventory(try analyze(elf.build()))
        }
    }

    @Test("without any headers the whole file is scanned for the aligned magic")
    func noHeadersAtAll() throws {
        let elf = SyntheticELF(is64Bit: false, bigEndian: true, format: .inline, withSectionHeaders: false, withProgramHeaders: false)
        expectStandardInventory(try analyze(elf.build()))
    }

    @Test("pointer format with no program headers cannot be resolved and says so")
    func pointerWithoutProgramHeaders() {
        let elf = SyntheticELF(format: .pointer, withSectionHeaders: false, withProgramHeaders: false)
        #expect {
            try analyze(elf.build())
        } throws: { error in
            guard case let LanguageCatalogerError.malformedGoBuildInfo(path, reason) = error else { return false }
            return path == "usr/local/bin/app" && reason.contains("Go before 1.18") && reason.contains("program headers")
        }
    }

    @Test("an ELF without build info is not a Go binary")
    func noBuildInfo() throws {
        #expect(try analyze(SyntheticELF(withBuildInfo: false).build()).isEmpty)
        #expect(try analyze(SyntheticELF(withSectionHeaders: false, withProgramHeaders: false, withBuildInfo: false).build()).isEmpty)
    }

    @Test("scripts and other non-ELF executables are rejected without parsing")
    func notELF() throws {
        #expect(try analyze(Data("#!/bin/sh\nexec /app \"$@\"\n# padding padding padding padding padding\n".utf8)).isEmpty)
        #expect(try analyze(Data([0x7f, 0x45, 0x4c])).isEmpty)
    }

    @Test("a file cut inside the module info is an error naming the file")
    func truncatedInsideModuleInfo() {
        let full = SyntheticELF(format: .inline).build()
        let cut = full.prefix(SyntheticELF.blobOffset + 32 + 1 + 8 + 2 + 20)
        #expect(throws: LanguageCatalogerError.self) { try analyze(Data(cut)) }
        #expect {
            try analyze(Data(cut))
        } throws: { error in
            "\(error)".hasPrefix("usr/local/bin/app: malformed Go build info:") && "\(error)".contains("runs past the end")
        }
    }

    @Test("a file cut inside the ELF header, before any build info, is simply not Go")
    func truncatedHeader() throws {
        let full = SyntheticELF().build()
        #expect(try analyze(Data(full.prefix(40))).isEmpty)
        #expect(try analyze(Data(full.prefix(SyntheticELF.blobOffset + 10))).isEmpty)
    }

    @Test("pointer format whose string pointers leave the file is an error")
    func pointerTruncated() {
        let full = SyntheticELF(format: .pointer, withSectionHeaders: false).build()
        // Keep the header and string headers, drop the string bytes.
        let cut = Data(full.prefix(SyntheticELF.blobOffset + 32 + 4 * 8 + 2))
        #expect {
            try analyze(cut)
        } throws: { error in
            "\(error)".contains("outside the loaded segments")
        }
    }

    @Test("module info without its sentinels is dropped, as Go does; stdlib remains")
    func unframedModuleInfo() throws {
        let elf = SyntheticELF(moduleInfo: nil)
        let packages = try analyze(elf.build())
        #expect(packages.map(\.name) == ["stdlib"])
        #expect(packages.first?.architecture == nil)
    }

    @Test("the Go version decides the stdlib version", arguments: [
        ("go1.19.8", "1.19.8"),
        ("go1.21.0 X:boringcrypto", "1.21.0"),
        ("go1.22rc1", "1.22rc1"),
        ("devel go1.23-abcdef Tue Jan 2", nil),
        ("weird", nil),
    ] as [(String, String?)])
    func stdlibVersion(goVersion: String, expected: String?) {
        #expect(GoBinaryAnalyzer.stdlibVersion(goVersion) == expected)
    }

    @Test("wants executables by mode and size only")
    func wants() {
        #expect(analyzer.wants(FileEntry(path: "app", size: 4096, mode: 0o755)))
        #expect(analyzer.wants(FileEntry(path: "app", size: 4096, mode: 0o100)))
        #expect(!analyzer.wants(FileEntry(path: "app", size: 4096, mode: 0o644)))
        #expect(!analyzer.wants(FileEntry(path: "app", size: 51, mode: 0o755)))
        #expect(!GoBinaryAnalyzer(maximumFileSize: 1000).wants(FileEntry(path: "app", size: 1001, mode: 0o755)))
    }
}
