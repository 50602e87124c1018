import Foundation

/// A Java `.properties` file, the format of Maven's `pom.properties`.
///
/// Maven writes plain `key=value` lines with a `#` timestamp comment, but
/// repackaging tools and hand-edited jars use the other legal spellings
/// (`key: value`, `key value`, backslash continuations), so all are read.
struct JavaProperties: Sendable, Hashable {
    private(set) var values: [String: String] = [:]

    init(parsing data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var logical: [String] = []
        var pending: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if pending != nil {
                line = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
            } else {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
                if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == "!" { continue }
                line = trimmed
            }
            let continues = Self.endsWithOddBackslashes(line)
            let content = continues ? String(line.dropLast()) : String(line)
            let joined = (pending ?? "") + content
            if continues {
                pending = joined
            } else {
                pending = nil
                logical.append(joined)
            }
        }
        if let pending { logical.append(pending) }
        for line in logical {
            let (key, value) = Self.split(line)
            if !key.isEmpty, values[key] == nil { values[key] = value }
        }
    }

    subscript(key: String) -> String? {
        values[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func endsWithOddBackslashes(_ line: Substring) -> Bool {
        line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1
    }

    /// The key ends at the first unescaped `=`, `:` or whitespace; one
    /// separator and the whitespace around it are dropped.
    private static func split(_ line: String) -> (String, String) {
        var key = ""
        var index = line.startIndex
        var escaped = false
        while index < line.endIndex {
            let character = line[index]
            if escaped {
                key.append(unescape(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "=" || character == ":" || character == " " || character == "\t" {
                break
            } else {
                key.append(character)
            }
            index = line.index(after: index)
        }
        var rest = line[index...].drop(while: { $0 == " " || $0 == "\t" })
        if let first = rest.first, first == "=" || first == ":" {
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        var value = ""
        escaped = false
        for character in rest {
            if escaped {
                value.append(unescape(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                value.append(character)
            }
        }
        return (key, value.trimmingCharacters(in: .whitespaces))
    }

    private static func unescape(_ character: Character) -> Character {
        switch character {
        case "n": "\n"
        case "t": "\t"
        case "r": "\r"
        default: character
        }
    }
}
