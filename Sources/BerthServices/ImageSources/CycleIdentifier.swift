/// Cycle identifiers: human-readable slugs, derived from the name when not given. Cycle
/// publishes no exact tokeniser; this one lowercases, joins runs of other characters into one
/// dash and trims dashes, which gives the documented `My Container` → `my-container`.
public enum CycleIdentifier {
    public static func tokenize(_ name: String, fallback: String = "source") -> String {
        var result = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? fallback : result
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
