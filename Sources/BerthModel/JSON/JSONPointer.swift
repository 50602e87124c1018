import Foundation

/// An RFC 6901 pointer, split into unescaped reference tokens: JSON patches walk documents
/// with them, Cycle errors name the offending field with one (`source`), and sealed origin
/// credentials are keyed by one.
///
/// The same pointer text names a location in messages (as the client wrote it) and a walk
/// through the document (as tokens); keeping both in one value means they never drift apart.
public struct JSONPointer: Sendable, Equatable, CustomStringConvertible {
    /// The pointer exactly as it appeared in the patch, for messages.
    public let text: String
    public let tokens: [String]

    /// The whole document is the empty pointer, not "/" (that names the key "").
    public static let root = ""

    /// `pointer` extended by one key. Keys come from clients, so `~` and `/` in them are
    /// escaped, or the pointer would name another field.
    public static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The tokens of pointer text this program wrote (none for text that is not a pointer).
    public static func tokens(of text: String) -> [String] {
        JSONPointer(parsing: text)?.tokens ?? []
    }

    init(tokens: [String], text: String) {
        self.tokens = tokens
        self.text = text
    }

    /// Returns nil for text that is not a pointer, so the caller can name the operation and
    /// member in its own message.
    public init?(parsing text: String) {
        if text.isEmpty {
            self.init(tokens: [], text: text)
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(raw) else { return nil }
            tokens.append(token)
        }
        self.init(tokens: tokens, text: text)
    }

    public var description: String { text }

    public var isRoot: Bool { tokens.isEmpty }

    public var parent: JSONPointer {
        JSONPointer(tokens: Array(tokens.dropLast()), text: String(text[..<(text.lastIndex(of: "/") ?? text.startIndex)]))
    }

    /// `~1` before `~0`, as RFC 6901 section 4 requires, so `~01` stays `~1`; any other `~`
    /// sequence is an error rather than a guess.
    private static func unescape(_ raw: Substring) -> String? {
        guard raw.contains("~") else { return String(raw) }
        var result = ""
        var iterator = raw.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "0": result.append("~")
            case "1": result.append("/")
            default: return nil
            }
        }
        return result
    }

    /// Digits only and no leading zero, so `01` or `+1` never silently address element 1.
    public static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        guard token == "0" || !token.hasPrefix("0") else { return nil }
        return Int(token)
    }

    /// Whether `self` names a location strictly inside `other`'s value.
    public func isProperDescendant(of other: JSONPointer) -> Bool {
        tokens.count > other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }
}
