/// Writes tar bytes by hand, for the cases a real tar tool will not produce:
/// v7 headers, base-256 sizes, bad checksums, global PAX records, truncation.
enum TarBuilder {
    enum Format {
        case ustar
        case gnu
        case v7
    }

    static let endOfArchive = [UInt8](repeating: 0, count: 1024)

    static func header(
        name: String, size: Int, typeflag: Character = "0", mode: Int = 0o644, linkName: String = "",
        prefix: String = "", format: Format = .ustar, base256Size: Bool = false
    ) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, length: Int) {
            for (index, byte) in text.utf8.prefix(length).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, length: Int) {
            let digits = String(value, radix: 8)
            put(String(repeating: "0", count: length - 1 - digits.count) + digits, at: offset, length: length - 1)
        }
        put(name, at: 0, length: 100)
        octal(mode, at: 100, length: 8)
        octal(0, at: 108, length: 8)
        octal(0, at: 116, length: 8)
        if base256Size {
            block[124] = 0x80
            var value = size
            for index in stride(from: 135, to: 124, by: -1) {
                block[index] = UInt8(value & 0xFF)
                value >>= 8
            }
        } else {
            octal(size, at: 124, length: 12)
        }
        octal(0, at: 136, length: 12)
        block[156] = typeflag.asciiValue!
        put(linkName, at: 157, length: 100)
        switch format {
        case .ustar:
            put("ustar\0", at: 257, length: 6)
            put("00", at: 263, length: 2)
            put(prefix, at: 345, length: 155)
        case .gnu:
            put("ustar  \0", at: 257, length: 8)
        case .v7:
            break
        }
        return checksummed(block)
    }

    /// Sets one header byte and recomputes the checksum, for fields `header` has no parameter for.
    static func patched(_ block: [UInt8], at index: Int, to value: UInt8) -> [UInt8] {
        var block = block
        block[index] = value
        return checksummed(block)
    }

    private static func checksummed(_ block: [UInt8]) -> [UInt8] {
        var block = block
        for index in 148..<156 { block[index] = 0x20 }
        let digits = Array(String(block.reduce(0) { $0 + Int($1) }, radix: 8).utf8)
        let field = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, 0x20]
        block.replaceSubrange(148..<156, with: field)
        return block
    }

    static func padded(_ body: [UInt8]) -> [UInt8] {
        body + [UInt8](repeating: 0, count: (512 - body.count % 512) % 512)
    }

    static func member(
        _ name: String, _ body: [UInt8], typeflag: Character = "0", mode: Int = 0o644, format: Format = .ustar
    ) -> [UInt8] {
        header(name: name, size: body.count, typeflag: typeflag, mode: mode, format: format) + padded(body)
    }

    static func file(_ name: String, _ text: String, mode: Int = 0o644) -> [UInt8] {
        member(name, Array(text.utf8), mode: mode)
    }

    static func directory(_ name: String) -> [UInt8] {
        header(name: name.hasSuffix("/") ? name : name + "/", size: 0, typeflag: "5", mode: 0o755)
    }

    static func symlink(_ name: String, to target: String) -> [UInt8] {
        header(name: name, size: 0, typeflag: "2", mode: 0o777, linkName: target)
    }

    /// A PAX extended header (`x`) or global header (`g`) with its records.
    static func pax(_ records: [(String, String)], global: Bool = false) -> [UInt8] {
        var body: [UInt8] = []
        for (key, value) in records {
            let payload = " \(key)=\(value)\n"
            var length = payload.utf8.count + 1
            while String(length).count + payload.utf8.count != length { length += 1 }
            body += Array("\(length)\(payload)".utf8)
        }
        return member("PaxHeaders/x", body, typeflag: global ? "g" : "x")
    }

    static func archive(_ members: [[UInt8]]) -> [UInt8] {
        members.flatMap { $0 } + endOfArchive
    }
}
