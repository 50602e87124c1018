import Foundation

/// Finds the top-level values of a JSON document without parsing them.
///
/// Feeds ship either one record per file or a JSON array of records. Decoding
/// a large array in one `JSONDecoder` call would build every record at once,
/// which is exactly what the streaming loader must avoid; splitting on the
/// array's top-level commas (string- and nesting-aware) lets each element be
/// decoded, batched and released on its own, and gives each error its index.
enum OSVJSONArraySplitter {
    /// `isArray == false` with one range for a single value, or one range per
    /// element of a top-level array. Ranges are byte offsets into `data`
    /// relative to `data.startIndex`, trimmed of whitespace.
    static func split(_ data: Data) throws -> (isArray: Bool, elements: [Range<Int>]) {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws -> (Bool, [Range<Int>]) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            let count = bytes.count
            var position = 0
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
            while position < count, isWhitespace(bytes[position]) { position += 1 }
            guard position < count else { throw failure("the document is empty") }
            guard bytes[position] == UInt8(ascii: "[") else {
                var end = count
                while end > position, isWhitespace(bytes[end - 1]) { end -= 1 }
                return (false, [position..<end])
            }

            var elements: [Range<Int>] = []
            var depth = 0
            var inString = false
            var escaped = false
            var elementStart: Int?
            var elementEnd = 0
            var sawComma = false
            var index = position + 1
            var closed = false
            while index < count {
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    elementEnd = index + 1
                    index += 1
                    continue
                }
                if isWhitespace(byte) {
                    index += 1
                    continue
                }
                if depth == 0, byte == UInt8(ascii: ",") {
                    guard let start = elementStart else { throw failure("empty element in the top-level array") }
                    elements.append(start..<elementEnd)
                    elementStart = nil
                    sawComma = true
                    index += 1
                    continue
                }
                if depth == 0, byte == UInt8(ascii: "]") {
                    if let start = elementStart {
                        elements.append(start..<elementEnd)
                    } else if sawComma {
                        throw failure("trailing comma in the top-level array")
                    }
                    closed = true
                    index += 1
                    break
                }
                if elementStart == nil { elementStart = index }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    guard depth >= 0 else { throw failure("unbalanced brackets") }
                default: break
                }
                elementEnd = index + 1
                index += 1
            }
            guard closed else { throw failure("the top-level array is not terminated") }
            while index < count {
                guard isWhitespace(bytes[index]) else { throw failure("unexpected data after the top-level array") }
                index += 1
            }
            return (true, elements)
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func failure(_ reason: String) -> OSVRecordDecodingError {
        OSVRecordDecodingError(recordID: nil, field: "", reason: "invalid JSON: \(reason)")
    }
}
