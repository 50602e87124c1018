import Foundation

/// A minimal ELF file carrying Go build info, for the layouts a host
/// toolchain cannot produce here: 32-bit, big-endian, pre-1.18 pointer
/// format, stripped headers.
///
/// Layout: ELF header, one writable PT_LOAD covering the whole file at
/// `baseAddress`, the build-info blob at `blobOffset`, then `.shstrtab` and
/// the section headers (null, `.go.buildinfo`, `.shstrtab`).
struct SyntheticELF {
    enum Format { case inline, pointer }

    var is64Bit = true
    var bigEndian = false
    var format = Format.inline
    var withSectionHeaders = true
    var withProgramHeaders = true
    var withBuildInfo = true
    var goVersion = "go1.20.4"
    /// Unframed module-info text; the builder adds cmd/go's sentinels.
    var moduleInfo: String? = """
    path\texample.com/app
    mod\texample.com/app\tv0.3.1\th1:app=
    dep\tgolang.org/x/text\tv0.3.7\th1:text=
    dep\texample.com/old\tv1.0.0
    =>\texample.com/fork\tv1.1.0\th1:fork=
    build\tGOARCH=mips

    """

    static let baseAddress: UInt64 = 0x40_0000
    static let blobOffset = 0x200
    static let infoStart: [UInt8] = hex("3077af0c9274080241e1c107e6d618e6")
    static let infoEnd: [UInt8] = hex("f932433186182072008242104116d8f2")

    var pointerSize: Int { is64Bit ? 8 : 4 }

    func build() -> Data {
        var file = [UInt8](repeating: 0, count: Self.blobOffset)
        let blob = withBuildInfo ? buildInfoBlob() : Array("not go at all".utf8)
        file += blob
        pad(&file, to: 8)
        let namesOffset = file.count
        let names: [UInt8] = Array("\0.go.buildinfo\0.shstrtab\0".utf8)
        file += names
        pad(&file, to: 8)
        let sectionsOffset = file.count
        let sectionEntrySize = is64Bit ? 64 : 40
        let sections: [(name: UInt32, type: UInt32, address: UInt64, offset: UInt64, size: UInt64)] = [
            (0, 0, 0, 0, 0),
            (1, 1, Self.baseAddress + UInt64(Self.blobOffset), UInt64(Self.blobOffset), UInt64(blob.count)),
            (15, 3, 0, UInt64(namesOffset), UInt64(names.count)),
        ]
        for section in sections {
            var entry = [UInt8]()
            entry += u32(section.name) + u32(section.type)
            if is64Bit {
                entry += u64(0) + u64(section.address) + u64(section.offset) + u64(section.size)
                entry += u32(0) + u32(0) + u64(1) + u64(0)
            } else {
                entry += u32(0) + u32(UInt32(section.address)) + u32(UInt32(section.offset)) + u32(UInt32(section.size))
                entry += u32(0) + u32(0) + u32(1) + u32(0)
            }
            precondition(entry.count == sectionEntrySize)
            file += entry
        }
        let fileSize = UInt64(file.count)

        var header: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, is64Bit ? 2 : 1, bigEndian ? 2 : 1, 1, 0]
        header += [UInt8](repeating: 0, count: 8)
        header += u16(2) + u16(bigEndian ? 8 : 62) + u32(1)
        let headerSize = is64Bit ? 64 : 52
        let programEntrySize = is64Bit ? 56 : 32
        let programOffset = UInt64(headerSize)
        if is64Bit {
            header += u64(Self.baseAddress) + u64(withProgramHeaders ? programOffset : 0)
            header += u64(withSectionHeaders ? UInt64(sectionsOffset) : 0)
        } else {
            header += u32(UInt32(Self.baseAddress)) + u32(withProgramHeaders ? UInt32(programOffset) : 0)
            header += u32(withSectionHeaders ? UInt32(sectionsOffset) : 0)
        }
        header += u32(0) + u16(UInt16(headerSize))
        header += u16(UInt16(programEntrySize)) + u16(withProgramHeaders ? 1 : 0)
        header += u16(UInt16(sectionEntrySize)) + u16(withSectionHeaders ? 3 : 0) + u16(withSectionHeaders ? 2 : 0)
        precondition(header.count == headerSize)

        var program = [UInt8]()
        let loadFlags: UInt32 = 6 // PF_R | PF_W: Go's data-segment fallback wants writable, not executable
        if is64Bit {
            program += u32(1) + u32(loadFlags) + u64(0) + u64(Self.baseAddress) + u64(Self.baseAddress)
            program += u64(fileSize) + u64(fileSize) + u64(0x1000)
        } else {
            program += u32(1) + u32(0) + u32(UInt32(Self.baseAddress)) + u32(UInt32(Self.baseAddress))
            program += u32(UInt32(fileSize)) + u32(UInt32(fileSize)) + u32(loadFlags) + u32(0x1000)
        }
        precondition(program.count == programEntrySize)

        file.replaceSubrange(0 ..< header.count, with: header)
        if withProgramHeaders {
            file.replaceSubrange(Int(programOffset) ..< Int(programOffset) + program.count, with: program)
        }
        return Data(file)
    }

    private func framedModuleInfo() -> [UInt8] {
        guard let moduleInfo else { return [] }
        return Self.infoStart + Array(moduleInfo.utf8) + Self.infoEnd
    }

    private func buildInfoBlob() -> [UInt8] {
        var blob: [UInt8] = [0xff] + Array(" Go buildinf:".utf8) + [UInt8(pointerSize)]
        let version = Array(goVersion.utf8)
        let modinfo = framedModuleInfo()
        switch format {
        case .inline:
            blob += [0x2 | (bigEndian ? 1 : 0)]
            blob += [UInt8](repeating: 0, count: 32 - blob.count)
            blob += uvarint(UInt64(version.count)) + version
            blob += uvarint(UInt64(modinfo.count)) + modinfo
        case .pointer:
            blob += [bigEndian ? 1 : 0]
            // Two string headers right after the 32-byte header, then the
            // string bytes.
            let headersAddress = Self.baseAddress + UInt64(Self.blobOffset) + 32
            let versionHeader = headersAddress
            let modinfoHeader = headersAddress + UInt64(2 * pointerSize)
            let versionData = headersAddress + UInt64(4 * pointerSize)
            let modinfoData = versionData + UInt64(version.count)
            blob += word(versionHeader) + word(modinfoHeader)
            blob += [UInt8](repeating: 0, count: 32 - blob.count)
            blob += word(versionData) + word(UInt64(version.count))
            blob += word(modinfoData) + word(UInt64(modinfo.count))
            blob += version + modinfo
        }
        return blob
    }

    private func word(_ value: UInt64) -> [UInt8] { is64Bit ? u64(value) : u32(UInt32(value)) }
    private func u16(_ value: UInt16) -> [UInt8] { bytes(UInt64(value), 2) }
    private func u32(_ value: UInt32) -> [UInt8] { bytes(UInt64(value), 4) }
    private func u64(_ value: UInt64) -> [UInt8] { bytes(value, 8) }

    private func bytes(_ value: UInt64, _ width: Int) -> [UInt8] {
        let little = (0 ..< width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
        return bigEndian ? little.reversed() : little
    }

    private func uvarint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    private func pad(_ bytes: inout [UInt8], to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    private static func hex(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            out.append(UInt8(text[index ..< next], radix: 16)!)
            index = next
        }
        return out
    }
}
