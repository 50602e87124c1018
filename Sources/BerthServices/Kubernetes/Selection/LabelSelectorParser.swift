import BerthModel
import Foundation

/// The Kubernetes label selector grammar (`k8s.io/apimachinery/pkg/labels` Parse):
///
///     selector    ::= requirement | requirement "," selector
///     requirement ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
///
/// A hand-written lexer and recursive descent, like Kubernetes', because the grammar is
/// context-sensitive in one place: `in` and `notin` are operators after a key but ordinary
/// words where a key or value is expected (`in in (in)` is a valid selector).
struct LabelSelectorParser {
    private enum Token: Equatable {
        case identifier(String)
        case bang, equals, doubleEquals, notEquals, greaterThan, lessThan
        case keywordIn, keywordNotIn
        case open, close, comma
        case end

        var literal: String {
            switch self {
            case .identifier(let text): text
            case .bang: "!"
            case .equals: "="
            case .doubleEquals: "=="
            case .notEquals: "!="
            case .greaterThan: ">"
            case .lessThan: "<"
            case .keywordIn: "in"
            case .keywordNotIn: "notin"
            case .open: "("
            case .close: ")"
            case .comma: ","
            case .end: ""
            }
        }

        /// Where a key or value is expected, the keywords are just words.
        var asWord: Token {
            switch self {
            case .keywordIn, .keywordNotIn: .identifier(literal)
            default: self
            }
        }

        var isIdentifier: Bool {
            if case .identifier = self { return true }
            return false
        }
    }

    private let tokens: [Token]
    private var position = 0

    private init(_ text: String) {
        tokens = Self.lex(text)
    }

    static func parse(_ text: String) throws(BerthError) -> [LabelRequirement] {
        var parser = LabelSelectorParser(text)
        do {
            return try parser.selector()
        } catch {
            throw BerthError(.invalidArgument, "unable to parse requirement: " + error.message)
        }
    }

    private struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    // MARK: - Lexer

    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        "=!(),><".unicodeScalars.contains(scalar)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    private static func lex(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWhitespace(scalar) {
                index += 1
            } else if isSpecial(scalar) {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                switch (scalar, next) {
                case ("!", "="): tokens.append(.notEquals); index += 2
                case ("=", "="): tokens.append(.doubleEquals); index += 2
                case ("!", _): tokens.append(.bang); index += 1
                case ("=", _): tokens.append(.equals); index += 1
                case ("(", _): tokens.append(.open); index += 1
                case (")", _): tokens.append(.close); index += 1
                case (",", _): tokens.append(.comma); index += 1
                case (">", _): tokens.append(.greaterThan); index += 1
                default: tokens.append(.lessThan); index += 1
                }
            } else {
                var word = String.UnicodeScalarView()
                while index < scalars.count, !isSpecial(scalars[index]), !isWhitespace(scalars[index]) {
                    word.append(scalars[index])
                    index += 1
                }
                let text = String(word)
                switch text {
                case "in": tokens.append(.keywordIn)
                case "notin": tokens.append(.keywordNotIn)
                default: tokens.append(.identifier(text))
                }
            }
        }
        tokens.append(.end)
        return tokens
    }

    // MARK: - Parser

    private func peek(words: Bool = true) -> Token {
        words ? tokens[position].asWord : tokens[position]
    }

    private mutating func next(words: Bool = true) -> Token {
        let token = peek(words: words)
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func selector() throws(Problem) -> [LabelRequirement] {
        var requirements: [LabelRequirement] = []
        while true {
            let token = peek()
            switch token {
            case .identifier, .bang:
                requirements.append(try requirement())
                let separator = next()
                switch separator {
                case .end:
                    return requirements
                case .comma:
                    let following = peek()
                    guard following.isIdentifier || following == .bang else {
                        throw Problem("found '\(following.literal)', expected: identifier after ','")
                    }
                default:
                    throw Problem("found '\(separator.literal)', expected: ',' or 'end of string'")
                }
            case .end:
                return requirements
            default:
                throw Problem("found '\(token.literal)', expected: !, identifier, or 'end of string'")
            }
        }
    }

    private mutating func requirement() throws(Problem) -> LabelRequirement {
        var token = next()
        var negated = false
        if token == .bang {
            negated = true
            token = next()
        }
        guard case .identifier(let key) = token else {
            throw Problem("found '\(token.literal)', expected: identifier")
        }
        let keyProblems = LabelSyntax.keyProblems(key)
        if !keyProblems.isEmpty {
            throw Problem("invalid label key \"\(key)\": " + keyProblems.joined(separator: "; "))
        }
        // `!key` takes no operator; whatever follows is left for the separator check, which
        // then names it (`!a=b` → "found '=', expected: ',' or 'end of string'").
        if negated { return LabelRequirement(key: key, operator: .doesNotExist) }
        if peek() == .end || peek() == .comma { return LabelRequirement(key: key, operator: .exists) }

        let op: LabelOperator
        let operatorToken = next(words: false)
        switch operatorToken {
        case .keywordIn: op = .in
        case .keywordNotIn: op = .notIn
        case .equals, .doubleEquals: op = .equals
        case .notEquals: op = .notEquals
        case .greaterThan: op = .greaterThan
        case .lessThan: op = .lessThan
        default:
            throw Problem("found '\(operatorToken.literal)', expected: in, notin, =, ==, !=, gt, lt")
        }

        let values: Set<String>
        switch op {
        case .in, .notIn: values = try valueSet()
        default: values = try exactValue()
        }
        if op == .greaterThan || op == .lessThan, let value = values.first, Int64(value) == nil {
            throw Problem("invalid value \"\(value)\" for key \"\(key)\": for 'Gt', 'Lt' operators, the value must be an integer")
        }
        for value in values.sorted() {
            let problems = LabelSyntax.valueProblems(value)
            if !problems.isEmpty {
                throw Problem("invalid label value \"\(value)\" for key \"\(key)\": " + problems.joined(separator: "; "))
            }
        }
        return LabelRequirement(key: key, operator: op, values: values.sorted())
    }

    /// `( a, b )`; empty members are the empty value, so `()` and `(a,)` both contain "".
    private mutating func valueSet() throws(Problem) -> Set<String> {
        let open = next()
        guard open == .open else { throw Problem("found '\(open.literal)', expected: '('") }
        switch peek() {
        case .identifier, .comma:
            let values = try valueList()
            let close = next()
            guard close == .close else { throw Problem("found '\(close.literal)', expected: ')'") }
            return values
        case .close:
            _ = next()
            return [""]
        default:
            throw Problem("found '\(peek().literal)', expected: ',', ')' or identifier")
        }
    }

    private mutating func valueList() throws(Problem) -> Set<String> {
        var values = Set<String>()
        while true {
            let token = next()
            switch token {
            case .identifier(let value):
                values.insert(value)
                switch peek() {
                case .comma: continue
                case .close: return values
                default: throw Problem("found '\(peek().literal)', expected: ',' or ')'")
                }
            case .comma:
                if values.isEmpty { values.insert("") } // "(,"
                if peek() == .close {
                    values.insert("") // ",)"
                    return values
                }
                if peek() == .comma {
                    _ = next()
                    values.insert("") // ",,"
                }
            default:
                throw Problem("found '\(token.literal)', expected: ',', or identifier")
            }
        }
    }

    /// `a=` with nothing after it selects the empty value, as in Kubernetes.
    private mutating func exactValue() throws(Problem) -> Set<String> {
        if peek() == .end || peek() == .comma { return [""] }
        let token = next()
        guard case .identifier(let value) = token else { throw Problem("found '\(token.literal)', expected: identifier") }
        return [value]
    }
}
