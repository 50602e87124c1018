import Foundation

/// The two strings the Go linker embeds in every module-aware binary: the
/// toolchain version (`runtime.buildVersion`) and the module info
/// (`runtime/debug.modinfo`). Read the way Go's own `debug/buildinfo` reads
/// them, so what we report matches `go version -m`.
public struct GoBuildInfo: Sendable, Hashable {
    /// As the toolchain wrote it: `go1.19.8`, `go1.21.0 X:boringcrypto`.
    public var goVersion: String
    /// The module-info text with its 16-byte sentinels removed; empty for a
    /// binary built outside module mode.
    public var moduleInfo: String

    public init(goVersion: String, moduleInfo: String) {
        self.goVersion = goVersion
        self.moduleInfo = moduleInfo
    }

    static let magic: [UInt8] = [0xff] + Array(" Go buildinf:".utf8)
    static let headerSize = 32
    static let alignment = 16
    /// Go searches this much of the data section; the linker puts build
    /// info at its very start.
    static let searchWindow: UInt64 = 64 * 1024
    /// No real version or modinfo string is near this; a larger length is a
    /// corrupt header, not a reason to allocate.
    static let maximumStringLength: UInt64 = 16 << 20

    /// Build info from an ELF file, `nil` if it has none (a C binary, a
    /// script, a Go binary older than 1.13's modinfo layout).
    ///
    /// Throws when the magic and a plausible header are there but the
    /// strings cannot be read, because then a Go binary's dependencies would
    /// silently vanish from the scan.
    public static func read(fromELF data: Data, path: String) throws -> GoBuildInfo? {
        let elf = ELFFile(data)
        let whole = ByteReader(data)
        var candidates: [(start: UInt64, length: UInt64)] = []
        if let elf {
            if let section = elf.section(named: ".go.buildinfo"), section.type != ELFFile.noBitsSection {
                candidates.append((section.offset, max(section.size, searchWindow)))
            } else if let segment = elf.firstDataSegment {
                candidates.append((segment.offset, min(segment.fileSize, searchWindow)))
            }
        }
        for candidate in candidates {
            if let header = findHeader(in: whole, from: candidate.start, length: candidate.length) {
                return try decode(header: header, in: whole, elf: elf, path: path)
            }
        }
        // Section and program headers can be stripped or cut off; the blob
        // itself is still in the file, 16-byte aligned.
        guard let header = scanForHeader(in: data) else { return nil }
        return try decode(header: header, in: whole, elf: elf, path: path)
    }

    /// Offset of the first aligned magic in a window, as Go's loop does.
    private static func findHeader(in reader: ByteReader, from start: UInt64, length: UInt64) -> UInt64? {
        guard start < UInt64(reader.count) else { return nil }
        let end = min(UInt64(reader.count), start + min(length, UInt64(reader.count) - start))
        var offset = start
        while offset + UInt64(headerSize) <= end {
            if isHeader(reader, at: offset) { return offset }
            offset += UInt64(alignment)
        }
        return nil
    }

    /// Whole-file scan at 16-byte aligned offsets, over raw bytes because a
    /// large binary has millions of positions to try.
    private static func scanForHeader(in data: Data) -> UInt64? {
        let reader = ByteReader(data)
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> UInt64? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var offset = 0
            while offset + headerSize <= bytes.count {
                if bytes[offset] == 0xff, bytes[offset + 1] == 0x20, isHeader(reader, at: UInt64(offset)) {
                    return UInt64(offset)
                }
                offset += alignment
            }
            return nil
        }
    }

    /// Magic plus a pointer size Go could have written; the check on the
    /// pointer size keeps a stray copy of the magic string (the `go` tool
    /// itself contains one) from being taken for a header.
    private static func isHeader(_ reader: ByteReader, at offset: UInt64) -> Bool {
        guard let candidate = reader.bytes(at: offset, count: UInt64(headerSize)),
              candidate.prefix(magic.count).elementsEqual(magic) else { return false }
        let pointerSize = candidate[candidate.startIndex + 14]
        return pointerSize == 4 || pointerSize == 8
    }

    private static func decode(header: UInt64, in reader: ByteReader, elf: ELFFile?, path: String) throws -> GoBuildInfo {
        func failure(_ reason: String) -> LanguageCatalogerError {
            .malformedGoBuildInfo(path: path, reason: reason)
        }
        guard let pointerSize = reader.u8(at: header + 14).map(Int.init),
              let flags = reader.u8(at: header + 15) else { throw failure("header is truncated") }
        let version: [UInt8]
        var modinfo: [UInt8]
        if flags & 0x2 != 0 {
            // Go 1.18+: both strings inline after the header, each prefixed
            // by its uvarint length.
            var cursor = header + UInt64(headerSize)
            func inlineString(_ what: String) throws -> [UInt8] {
                guard let (length, width) = reader.uvarint(at: cursor) else {
                    throw failure("\(what) length is truncated")
                }
                guard length <= maximumStringLength,
                      let bytes = reader.bytes(at: cursor + width, count: length) else {
                    throw failure("\(what) (\(length) bytes) runs past the end of the file")
                }
                cursor += width + length
                return Array(bytes)
            }
            version = try inlineString("version string")
            modinfo = try inlineString("module info")
        } else {
            // Go 1.13–1.17: two pointers to Go string headers {data, len},
            // virtual addresses that only the program headers can resolve.
            guard let elf, !elf.segments.isEmpty else {
                throw failure("pointer-format build info (Go before 1.18) needs the ELF program headers, which are missing or unreadable")
            }
            var words = reader
            words.bigEndian = flags & 0x1 != 0
            guard let versionAddress = words.word(at: header + 16, size: pointerSize),
                  let modinfoAddress = words.word(at: header + 16 + UInt64(pointerSize), size: pointerSize) else {
                throw failure("header is truncated")
            }
            func pointedString(_ what: String, at address: UInt64) throws -> [UInt8] {
                guard let stringHeader = elf.read(virtualAddress: address, count: UInt64(2 * pointerSize)),
                      stringHeader.count == 2 * pointerSize else {
                    throw failure("\(what) header at 0x\(String(address, radix: 16)) is outside the loaded segments")
                }
                let headerReader = ByteReader(stringHeader, bigEndian: words.bigEndian)
                guard let dataAddress = headerReader.word(at: 0, size: pointerSize),
                      let length = headerReader.word(at: UInt64(pointerSize), size: pointerSize) else {
                    throw failure("\(what) header is truncated")
                }
                if length == 0 { return [] }
                guard length <= maximumStringLength,
                      let bytes = elf.read(virtualAddress: dataAddress, count: length), UInt64(bytes.count) == length else {
                    throw failure("\(what) data at 0x\(String(dataAddress, radix: 16)) is outside the loaded segments")
                }
                return Array(bytes)
            }
            version = try pointedString("version string", at: versionAddress)
            modinfo = try pointedString("module info", at: modinfoAddress)
        }
        guard !version.isEmpty else { throw failure("the Go version string is empty") }
        // The sentinels are cmd/go's infoStart/infoEnd; Go drops a modinfo
        // that lacks them rather than guess at its framing.
        if modinfo.count >= 33, modinfo[modinfo.count - 17] == UInt8(ascii: "\n") {
            modinfo = Array(modinfo[16 ..< modinfo.count - 16])
        } else {
            modinfo = []
        }
        return GoBuildInfo(
            goVersion: String(decoding: version, as: UTF8.self),
            moduleInfo: String(decoding: modinfo, as: UTF8.self)
        )
    }
}
