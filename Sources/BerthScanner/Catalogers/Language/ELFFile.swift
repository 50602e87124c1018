import Foundation

/// The parts of an ELF file that Go build-info extraction needs: section
/// headers (to find `.go.buildinfo` by name) and loadable segments (to turn
/// the virtual addresses in pre-1.18 build info into file offsets).
///
/// Either table may be missing or damaged in a stripped or truncated binary,
/// so each is read on its own and a bad one is simply left empty; callers
/// then fall back to scanning the bytes.
struct ELFFile: Sendable {
    struct Section: Sendable, Hashable {
        var name: String
        var type: UInt32
        var address: UInt64
        var offset: UInt64
        var size: UInt64
    }

    struct Segment: Sendable, Hashable {
        var type: UInt32
        var flags: UInt32
        var offset: UInt64
        var virtualAddress: UInt64
        var fileSize: UInt64
        var memorySize: UInt64
    }

    static let magic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]
    static let loadSegment: UInt32 = 1
    static let executableFlag: UInt32 = 1
    static let writableFlag: UInt32 = 2
    static let noBitsSection: UInt32 = 8

    let is64Bit: Bool
    let bigEndian: Bool
    let sections: [Section]
    let segments: [Segment]
    let reader: ByteReader

    static func hasMagic(_ data: Data) -> Bool {
        data.count >= 4 && data.prefix(4).elementsEqual(magic)
    }

    /// `nil` when the identification bytes are not a valid ELF header.
    init?(_ data: Data) {
        guard Self.hasMagic(data), data.count >= 16 else { return nil }
        var reader = ByteReader(data)
        guard let elfClass = reader.u8(at: 4), let encoding = reader.u8(at: 5),
              elfClass == 1 || elfClass == 2, encoding == 1 || encoding == 2 else { return nil }
        is64Bit = elfClass == 2
        bigEndian = encoding == 2
        reader.bigEndian = bigEndian
        self.reader = reader
        segments = Self.readSegments(reader, is64Bit: is64Bit)
        sections = Self.readSections(reader, is64Bit: is64Bit)
    }

    func section(named name: String) -> Section? {
        sections.first { $0.name == name }
    }

    /// Go's `elfExe.DataStart` fallback for binaries without section
    /// headers: the first writable, non-executable loadable segment, where
    /// the linker places build info near the start.
    var firstDataSegment: Segment? {
        segments.first {
            $0.type == Self.loadSegment && $0.flags & (Self.executableFlag | Self.writableFlag) == Self.writableFlag
        }
    }

    /// Up to `count` bytes at a virtual address, as Go's `elfExe.ReadData`
    /// reads them: from the loadable segment whose file image holds it,
    /// clipped at the segment's end.
    func read(virtualAddress address: UInt64, count: UInt64) -> Data? {
        for segment in segments where segment.type == Self.loadSegment && segment.fileSize > 0 {
            guard address >= segment.virtualAddress,
                  address - segment.virtualAddress < segment.fileSize else { continue }
            let delta = address - segment.virtualAddress
            let available = min(count, segment.fileSize - delta)
            let (offset, overflow) = segment.offset.addingReportingOverflow(delta)
            guard !overflow else { return nil }
            return reader.bytes(at: offset, count: available)
        }
        return nil
    }

    private static func readSegments(_ reader: ByteReader, is64Bit: Bool) -> [Segment] {
        let header: (offset: UInt64?, entrySize: UInt16?, count: UInt16?) = is64Bit
            ? (reader.u64(at: 32), reader.u16(at: 54), reader.u16(at: 56))
            : (reader.u32(at: 28).map(UInt64.init), reader.u16(at: 42), reader.u16(at: 44))
        guard let tableOffset = header.offset, let entrySize = header.entrySize, let count = header.count,
              tableOffset > 0, tableOffset < UInt64(reader.count), count > 0,
              entrySize >= (is64Bit ? 56 : 32) else { return [] }
        var segments: [Segment] = []
        for index in 0 ..< UInt64(count) {
            let base = tableOffset + index * UInt64(entrySize)
            let segment: Segment?
            if is64Bit {
                segment = zipOptional(
                    reader.u32(at: base), reader.u32(at: base + 4), reader.u64(at: base + 8),
                    reader.u64(at: base + 16), reader.u64(at: base + 32), reader.u64(at: base + 40)
                ).map { Segment(type: $0, flags: $1, offset: $2, virtualAddress: $3, fileSize: $4, memorySize: $5) }
            } else {
                segment = zipOptional(
                    reader.u32(at: base), reader.u32(at: base + 24), reader.u32(at: base + 4).map(UInt64.init),
                    reader.u32(at: base + 8).map(UInt64.init), reader.u32(at: base + 16).map(UInt64.init),
                    reader.u32(at: base + 20).map(UInt64.init)
                ).map { Segment(type: $0, flags: $1, offset: $2, virtualAddress: $3, fileSize: $4, memorySize: $5) }
            }
            // A table that runs off the end of a truncated file is kept up
            // to the last whole entry.
            guard let segment else { break }
            segments.append(segment)
        }
        return segments
    }

    private static func readSections(_ reader: ByteReader, is64Bit: Bool) -> [Section] {
        let header: (offset: UInt64?, entrySize: UInt16?, count: UInt16?, names: UInt16?) = is64Bit
            ? (reader.u64(at: 40), reader.u16(at: 58), reader.u16(at: 60), reader.u16(at: 62))
            : (reader.u32(at: 32).map(UInt64.init), reader.u16(at: 46), reader.u16(at: 48), reader.u16(at: 50))
        guard let tableOffset = header.offset, let entrySize = header.entrySize,
              var count = header.count.map(UInt64.init), var namesIndex = header.names.map(UInt64.init),
              tableOffset > 0, tableOffset < UInt64(reader.count),
              entrySize >= (is64Bit ? 64 : 40) else { return [] }

        struct RawSection {
            var nameOffset: UInt32, type: UInt32, address: UInt64, offset: UInt64, size: UInt64, link: UInt32
        }
        func raw(_ index: UInt64) -> RawSection? {
            let base = tableOffset + index * UInt64(entrySize)
            if is64Bit {
                return zipOptional(
                    reader.u32(at: base), reader.u32(at: base + 4), reader.u64(at: base + 16),
                    reader.u64(at: base + 24), reader.u64(at: base + 32), reader.u32(at: base + 40)
                ).map { RawSection(nameOffset: $0, type: $1, address: $2, offset: $3, size: $4, link: $5) }
            }
            return zipOptional(
                reader.u32(at: base), reader.u32(at: base + 4), reader.u32(at: base + 12).map(UInt64.init),
                reader.u32(at: base + 16).map(UInt64.init), reader.u32(at: base + 20).map(UInt64.init),
                reader.u32(at: base + 24)
            ).map { RawSection(nameOffset: $0, type: $1, address: $2, offset: $3, size: $4, link: $5) }
        }

        // Extended numbering: with 0xff00 or more sections the real count
        // and name-table index live in section 0.
        if count == 0 || namesIndex == 0xffff {
            guard let first = raw(0) else { return [] }
            if count == 0 { count = first.size }
            if namesIndex == 0xffff { namesIndex = UInt64(first.link) }
        }
        guard count > 0, count <= UInt64(reader.count) / UInt64(entrySize) + 1 else { return [] }
        var raws: [RawSection] = []
        for index in 0 ..< count {
            guard let section = raw(index) else { break }
            raws.append(section)
        }
        guard namesIndex < UInt64(raws.count) else { return [] }
        let names = raws[Int(namesIndex)]
        return raws.map { section in
            Section(
                name: cString(reader, at: names.offset, nameOffset: UInt64(section.nameOffset), limit: names.size),
                type: section.type, address: section.address, offset: section.offset, size: section.size
            )
        }
    }

    private static func cString(_ reader: ByteReader, at tableOffset: UInt64, nameOffset: UInt64, limit: UInt64) -> String {
        let fileSize = UInt64(reader.count)
        guard tableOffset < fileSize, nameOffset < min(limit, fileSize) else { return "" }
        let end = min(tableOffset + min(limit, fileSize), fileSize)
        var bytes: [UInt8] = []
        var position = tableOffset + nameOffset
        while position < end, let byte = reader.u8(at: position), byte != 0, bytes.count < 256 {
            bytes.append(byte)
            position += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// All six present, or nothing: keeps the table readers to one line per
/// field instead of six `guard let`s.
private func zipOptional<A, B, C, D, E, F>(_ a: A?, _ b: B?, _ c: C?, _ d: D?, _ e: E?, _ f: F?) -> (A, B, C, D, E, F)? {
    guard let a, let b, let c, let d, let e, let f else { return nil }
    return (a, b, c, d, e, f)
}
