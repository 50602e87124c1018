/// A cursor over a header value, for ``AuthChallenge/parse(_:)``.
struct ChallengeScanner {
    private let chars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { self.chars = Array(text.unicodeScalars) }

    var atEnd: Bool { index >= chars.count }

    func peek() -> Unicode.Scalar? { atEnd ? nil : chars[index] }

    mutating func advance() { index += 1 }

    mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
        while let c = peek(), predicate(c) { advance() }
    }

    /// RFC 7230 token characters, plus `/` and `:` so unquoted realm URLs survive.
    private static func isTokenChar(_ c: Unicode.Scalar) -> Bool {
        (c.isASCII && c.properties.isAlphabetic) || ("0"..."9").contains(c) || "!#$%&'*+-.^_`|~/:".unicodeScalars.contains(c)
    }

    mutating func token() -> String? {
        let start = index
        skip(while: Self.isTokenChar)
        return index > start ? String(String.UnicodeScalarView(chars[start..<index])) : nil
    }

    /// A quoted-string with backslash escapes; the cursor is on the opening quote.
    mutating func quoted() -> String {
        advance()
        var result = String.UnicodeScalarView()
        while let c = peek() {
            advance()
            if c == "\\", let next = peek() {
                result.append(next)
                advance()
            } else if c == "\"" {
                break
            } else {
                result.append(c)
            }
        }
        return String(result)
    }
}
