import BerthScanner

/// A parsed member with its body, so parses at different chunk sizes compare equal.
struct TarMember: Hashable {
    var entry: TarEntry
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// Parses a whole archive delivered in `chunkSize` pieces.
    static func parse(_ bytes: [UInt8], chunkSize: Int = 512) throws -> [TarMember] {
        var parser = TarParser()
        var members: [TarMember] = []
        var start = 0
        while start < bytes.count {
            var chunk = ByteBufferFactory.make(bytes[start..<min(start + chunkSize, bytes.count)])
            start += chunkSize
            while let event = try parser.next(from: &chunk) {
                switch event {
                case .entry(let entry): members.append(TarMember(entry: entry, body: []))
                case .body(let slice): members[members.count - 1].body += slice.readableBytesView
                case .entryEnd, .archiveEnd: break
                }
            }
        }
        try parser.finish()
        return members
    }
}
