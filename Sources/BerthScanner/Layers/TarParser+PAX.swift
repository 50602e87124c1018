extension TarParser {
    /// Splits a PAX extended header body into its `"%d %s=%s\n"` records.
    /// The length prefix counts the whole record, including itself and the
    /// newline, so values may contain `=`, spaces and newlines.
    static func paxRecords(_ body: [UInt8], at headerOffset: Int64) throws -> [(String, String)] {
        var records: [(String, String)] = []
        var index = body.startIndex
        func fail(_ reason: String) -> TarFormatError {
            .invalidPAXRecord(offset: headerOffset, reason: reason)
        }
        while index < body.endIndex {
            // Some writers pad the body with NULs after the last record.
            if body[index] == 0, body[index...].allSatisfy({ $0 == 0 }) { break }
            guard let space = body[index...].firstIndex(of: 0x20) else { throw fail("record without a length") }
            let digits = body[index..<space]
            guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                let length = Int(String(decoding: digits, as: UTF8.self)), length > digits.count + 1
            else { throw fail("bad record length") }
            let end = index + length
            guard end <= body.endIndex, body[end - 1] == 0x0A else { throw fail("record overruns the header") }
            let keyValue = body[(space + 1)..<(end - 1)]
            guard let equals = keyValue.firstIndex(of: UInt8(ascii: "=")), equals > keyValue.startIndex else {
                throw fail("record without a key")
            }
            let key = String(decoding: keyValue[keyValue.startIndex..<equals], as: UTF8.self)
            let value = String(decoding: keyValue[(equals + 1)...], as: UTF8.self)
            records.append((key, value))
            index = end
        }
        return records
    }
}
