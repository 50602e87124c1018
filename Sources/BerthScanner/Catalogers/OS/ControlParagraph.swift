import Foundation

/// One paragraph of a Debian control-format (deb822) file: the shape of
/// `var/lib/dpkg/status` and of each distroless `status.d` file.
///
/// Field names are case-insensitive in deb822, so lookups fold case. The
/// parser works on bytes because a status file is megabytes of mostly
/// descriptions that are never looked at, and it is lenient: a stray line
/// without a colon is skipped rather than failing the whole database.
struct ControlParagraph: Sendable, Hashable {
    /// Lowercased name → value; continuation lines are joined with `\n`, as
    /// dpkg presents multi-line fields.
    private(set) var fields: [String: String] = [:]

    subscript(name: String) -> String? { fields[name.lowercased()] }

    static func parse(_ data: Data) -> [ControlParagraph] {
        var paragraphs: [ControlParagraph] = []
        var current = ControlParagraph()
        var lastField: String?

        func finishParagraph() {
            if !current.fields.isEmpty { paragraphs.append(current) }
            current = ControlParagraph()
            lastField = nil
        }

        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd])
                defer { lineStart = lineEnd + 1 }

                // Policy: a line of only spaces and tabs separates paragraphs too.
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    finishParagraph()
                    continue
                }
                let first = line[0]
                if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                    guard let name = lastField else { continue }
                    let text = Self.trimmed(line)
                    let previous = current.fields[name] ?? ""
                    current.fields[name] = previous.isEmpty ? text : previous + "\n" + text
                    continue
                }
                if first == UInt8(ascii: "#") { continue }
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                    lastField = nil
                    continue
                }
                let name = Self.trimmed(UnsafeBufferPointer(rebasing: line[..<colon])).lowercased()
                guard !name.isEmpty else {
                    lastField = nil
                    continue
                }
                let value = Self.trimmed(UnsafeBufferPointer(rebasing: line[(colon + 1)...]))
                // deb822 forbids repeated fields; the first is the one dpkg honours.
                if current.fields[name] == nil {
                    current.fields[name] = value
                    lastField = name
                } else {
                    lastField = nil
                }
            }
        }
        finishParagraph()
        return paragraphs
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
