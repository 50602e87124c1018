import Foundation

/// The assignments of an os-release file.
///
/// os-release is specified as a shell-compatible variable assignment file, and
/// systemd's env-file reader is the parser that every distribution tests its
/// file against, so this follows that reader's states rather than a naive
/// "split on `=` and trim quotes": quoted and unquoted pieces concatenate,
/// backslash escapes work outside single quotes, inside double quotes only
/// `"`, `\`, `` ` `` and `$` are escapable, and a backslash before a newline
/// continues the line. Malformed lines are dropped instead of failing the file,
/// because one odd line must not hide the distribution from the scanner.
struct OSReleaseFields: Sendable, Hashable {
    private(set) var values: [String: String] = [:]

    subscript(key: String) -> String? { values[key] }

    init(parsing text: String) {
        var state = State.preKey
        var key: [Character] = []
        var value: [Character] = []
        /// Length of `value` without trailing unescaped whitespace, so
        /// `ID=debian   ` reads `debian` while `ID="debian  "` keeps its spaces.
        var meaningfulLength = 0

        func commit() {
            let name = String(key).trimmingCharacters(in: .whitespaces)
            if Self.isValidKey(name) {
                values[name] = String(value.prefix(meaningfulLength))
            }
            key.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            meaningfulLength = 0
        }

        func append(_ character: Character, meaningful: Bool) {
            value.append(character)
            if meaningful { meaningfulLength = value.count }
        }

        for character in text {
            let isNewline = character == "\n" || character == "\r\n" || character == "\r"
            switch state {
            case .preKey:
                if isNewline || character.isWhitespace {
                    continue
                } else if character == "#" || character == ";" {
                    state = .comment
                } else {
                    key = [character]
                    state = .key
                }
            case .key:
                if isNewline {
                    key.removeAll(keepingCapacity: true)
                    state = .preKey
                } else if character == "=" {
                    state = .preValue
                } else {
                    key.append(character)
                }
            case .preValue:
                if isNewline {
                    commit()
                    state = .preKey
                } else if character.isWhitespace {
                    continue
                } else if character == "'" {
                    state = .singleQuoted
                } else if character == "\"" {
                    state = .doubleQuoted
                } else if character == "\\" {
                    state = .unquotedEscape
                } else {
                    append(character, meaningful: true)
                    state = .unquoted
                }
            case .unquoted:
                if isNewline {
                    commit()
                    state = .preKey
                } else if character == "\\" {
                    state = .unquotedEscape
                } else {
                    append(character, meaningful: !character.isWhitespace)
                }
            case .unquotedEscape:
                if !isNewline { append(character, meaningful: true) }
                state = .unquoted
            case .singleQuoted:
                if character == "'" {
                    state = .preValue
                } else {
                    append(character, meaningful: true)
                }
            case .doubleQuoted:
                if character == "\"" {
                    state = .preValue
                } else if character == "\\" {
                    state = .doubleQuotedEscape
                } else {
                    append(character, meaningful: true)
                }
            case .doubleQuotedEscape:
                if "\"\\`$".contains(character) {
                    append(character, meaningful: true)
                } else if !isNewline {
                    append("\\", meaningful: true)
                    append(character, meaningful: true)
                }
                state = .doubleQuoted
            case .comment:
                if character == "\\" {
                    state = .commentEscape
                } else if isNewline {
                    state = .preKey
                }
            case .commentEscape:
                state = .comment
            }
        }

        switch state {
        case .preValue, .unquoted, .unquotedEscape, .singleQuoted, .doubleQuoted, .doubleQuotedEscape:
            commit()
        case .preKey, .key, .comment, .commentEscape:
            break
        }
    }

    /// Shell variable names only: anything else cannot have come from a
    /// well-formed assignment and is more likely a stray line of prose.
    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_")
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    private enum State {
        case preKey, key, preValue, unquoted, unquotedEscape
        case singleQuoted, doubleQuoted, doubleQuotedEscape
        case comment, commentEscape
    }
}
