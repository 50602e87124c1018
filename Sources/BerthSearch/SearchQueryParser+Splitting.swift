/// Splitting query text into pairs and values (reference §6.1, StackRox `splitQuery`,
/// `parsePair`, `splitCommaSeparatedValues`).
extension SearchQueryParser {
    /// Splits at `+` signs that start a new pair: a `+` does so only when a `:` follows it
    /// before the next `+`, so `Image:a+b+CVE:x` is `Image:a+b` and `CVE:x`. Double quotes
    /// protect `+` and `:`. As upstream, a `+` as the very first character never splits.
    static func splitPairs(_ query: String) -> [String] {
        let bytes = Array(query.utf8)
        var pairs: [String] = []
        var previousEnd = 0
        var previousPlus = 0  // 0: no splitting `+` seen yet
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                continue
            }
            if quoted { continue }
            if byte == UInt8(ascii: ":"), previousPlus != 0 {
                // A second `:` in a pair whose start is already known belongs to its value.
                if previousEnd > previousPlus { continue }
                pairs.append(String(decoding: bytes[previousEnd..<previousPlus], as: UTF8.self))
                previousEnd = previousPlus + 1
                continue
            }
            if byte == UInt8(ascii: "+") {
                previousPlus = index
            }
        }
        pairs.append(String(decoding: bytes[previousEnd...], as: UTF8.self))
        return pairs
    }

    /// `Field:values` → trimmed field name and values, split at the first `:`; nil for a
    /// pair without `:` or with nothing after it, which the query ignores.
    static func splitPair(_ pair: String) -> (key: String, values: String)? {
        let pair = pair.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = pair.firstIndex(of: ":") else { return nil }
        let values = pair[pair.index(after: colon)...]
        if values.isEmpty { return nil }
        return (
            pair[..<colon].trimmingCharacters(in: .whitespacesAndNewlines),
            values.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }

    /// Splits at commas outside double quotes; a trailing comma yields an empty value.
    static func splitValues(_ values: String) -> [String] {
        let bytes = Array(values.utf8)
        guard !bytes.isEmpty else { return [] }
        var result: [String] = []
        var start = 0
        var quoted = false
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: ","), !quoted {
                result.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            }
        }
        result.append(String(decoding: bytes[start...], as: UTF8.self))
        return result
    }
}
