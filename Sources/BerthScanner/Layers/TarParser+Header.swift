extension TarParser {
    /// Decodes one header block. Metadata pseudo-members (`x`, `g`, `L`, `K`)
    /// only change parser state and return `nil`; a real member comes back
    /// with every pending override applied.
    mutating func readHeader(_ block: [UInt8], at blockOffset: Int64) throws -> TarEntry? {
        try verifyChecksum(block, at: blockOffset)

        let magic = block[257..<263]
        let isPOSIX = magic.elementsEqual("ustar\0".utf8)
        var name = Self.string(block[0..<100])
        if isPOSIX {
            // star puts an access/creation time in the prefix's tail and marks
            // that with "tar\0" in the last four bytes; GNU has no prefix at all.
            let isStar = block[508..<512].elementsEqual("tar\0".utf8)
            let prefix = Self.string(block[345..<(isStar ? 476 : 500)])
            if !prefix.isEmpty { name = prefix + "/" + name }
        }

        let typeflag = block[156]
        let size = try Self.number(block[124..<136], field: "size", at: blockOffset)
        guard size >= 0 else { throw TarFormatError.invalidNumericField(offset: blockOffset, field: "size") }

        let metadataKind: BodyKind? =
            switch typeflag {
            case UInt8(ascii: "x"): .localPAX
            case UInt8(ascii: "g"): .globalPAX
            case UInt8(ascii: "L"): .longName
            case UInt8(ascii: "K"): .longLink
            default: nil
            }
        if let metadataKind {
            guard size <= metadataLimit else {
                throw TarFormatError.metadataTooLarge(offset: blockOffset, size: size, limit: metadataLimit)
            }
            metadataOffset = blockOffset
            metadata.removeAll(keepingCapacity: false)
            metadata.reserveCapacity(Int(size))
            state = .body(remaining: size, padding: Self.padding(for: size), kind: metadataKind)
            return nil
        }

        let mode = try Self.number(block[100..<108], field: "mode", at: blockOffset)
        let path = resolved("path", header: pendingLongName ?? name)
        let linkName = resolved("linkpath", header: pendingLongLink ?? Self.string(block[157..<257]))
        var memberSize = size
        let paxSize = resolved("size", header: "")
        if !paxSize.isEmpty {
            guard let value = Int64(paxSize), value >= 0 else {
                throw TarFormatError.invalidPAXRecord(offset: blockOffset, reason: "size \"\(paxSize)\" is not a number")
            }
            memberSize = value
        }

        var type = TarEntryType(typeflag: typeflag, name: path)
        // GNU sparse files stored through PAX keep a regular typeflag, but the
        // body is a sparse map plus fragments, not the file's bytes.
        if pendingPAX.keys.contains(where: { $0.hasPrefix("GNU.sparse.") }) {
            type = .other(UInt8(ascii: "S"))
        }
        if type.isHeaderOnly { memberSize = 0 }

        pendingLongName = nil
        pendingLongLink = nil
        pendingPAX = [:]
        skippingBody = false
        currentPath = path
        let isGNU = magic.elementsEqual("ustar ".utf8)
        if typeflag == UInt8(ascii: "S"), isGNU, block[482] != 0 {
            state = .sparseExtensions(bodySize: memberSize)
        } else {
            state = .body(remaining: memberSize, padding: Self.padding(for: memberSize), kind: .member)
        }
        return TarEntry(
            path: path, linkName: linkName, type: type, size: memberSize,
            mode: UInt32(truncatingIfNeeded: mode) & 0o7777, headerOffset: blockOffset)
    }

    /// A per-member PAX record beats a global one, and both beat the header;
    /// an empty per-member value means "use the header field" (POSIX's delete).
    private func resolved(_ key: String, header: String) -> String {
        if let local = pendingPAX[key] { return local.isEmpty ? header : local }
        if let global = globalPAX[key] { return global }
        return header
    }

    mutating func finishMetadata(_ kind: BodyKind) throws {
        defer { metadata.removeAll(keepingCapacity: false) }
        switch kind {
        case .member:
            return
        case .longName:
            pendingLongName = Self.string(metadata[...])
        case .longLink:
            pendingLongLink = Self.string(metadata[...])
        case .localPAX:
            for (key, value) in try Self.paxRecords(metadata, at: metadataOffset) {
                pendingPAX[key] = value
            }
        case .globalPAX:
            for (key, value) in try Self.paxRecords(metadata, at: metadataOffset) {
                globalPAX[key] = value.isEmpty ? nil : value
            }
        }
    }

    /// Accepts both the unsigned sum POSIX specifies and the signed sum some
    /// historic tars wrote, as GNU tar and Go do.
    private func verifyChecksum(_ block: [UInt8], at blockOffset: Int64) throws {
        var unsigned = 0
        var signed = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        let field = block[148..<156]
        let stored = try? Self.number(field, field: "checksum", at: blockOffset)
        guard let stored, stored == Int64(unsigned) || stored == Int64(signed) else {
            let text = String(decoding: field.filter { $0 != 0 }, as: UTF8.self)
            throw TarFormatError.badChecksum(offset: blockOffset, stored: text, computed: unsigned)
        }
    }

    static func padding(for size: Int64) -> Int {
        let remainder = Int(size % Int64(blockSize))
        return remainder == 0 ? 0 : blockSize - remainder
    }

    /// NUL-terminated field text. Invalid UTF-8 is replaced rather than
    /// rejected: a layer with an odd file name is still a layer to scan.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Octal (space- or NUL-padded) or GNU base-256, which GNU tar and Docker
    /// use for sizes of 8 GiB and more and for out-of-range ids.
    static func number(_ bytes: ArraySlice<UInt8>, field: String, at blockOffset: Int64) throws -> Int64 {
        let invalid = TarFormatError.invalidNumericField(offset: blockOffset, field: field)
        if let first = bytes.first, first & 0x80 != 0 {
            let negative = first & 0x40 != 0
            let flip: UInt8 = negative ? 0xFF : 0
            var value: UInt64 = 0
            for (index, raw) in bytes.enumerated() {
                var byte = raw ^ flip
                if index == 0 { byte &= 0x7F }
                guard value >> 56 == 0 else { throw invalid }
                value = value << 8 | UInt64(byte)
            }
            guard value >> 63 == 0 else { throw invalid }
            return negative ? ~Int64(value) : Int64(value)
        }
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0 }
        let end = trimmed.lastIndex { $0 != 0x20 && $0 != 0 }.map { $0 + 1 } ?? trimmed.startIndex
        var value: Int64 = 0
        for byte in trimmed[trimmed.startIndex..<end] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) else { throw invalid }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
            guard !overflow else { throw invalid }
            value = shifted + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
