import Foundation

/// One `-----BEGIN X----- … -----END X-----` block.
///
/// swift-asn1's PEM reader insists on 64-character lines, but keys pasted into a signature integration
/// come from terminals, web forms and YAML with any line width and CRLF endings; this reader accepts
/// all of those and reports what it actually found so the error can say what to paste instead.
struct PEMBlock: Sendable, Hashable {
    var label: String
    var der: [UInt8]

    enum ParseError: Error, Sendable, Hashable {
        case noBlock
        case unterminated(label: String)
        case mismatchedEnd(begin: String, end: String)
        case invalidBase64(label: String)
    }

    /// Every block in `text`, in order; text between blocks (openssl's `subject=` lines, comments) is ignored.
    ///
    /// Boundaries are found by scanning rather than by lines, because PEM texts joined without a
    /// newline (`a.pem + b.pem`, as swift-crypto's output has none at the end) put an END and the next
    /// BEGIN on one line, and CRLF endings are one `Character` that line splitting on "\n" misses.
    static func parseAll(_ text: String) throws(ParseError) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var rest = Substring(text)
        while let begin = rest.range(of: "-----BEGIN ") {
            let afterBegin = rest[begin.upperBound...]
            guard let beginClose = afterBegin.range(of: "-----") else { throw .unterminated(label: "") }
            let label = afterBegin[..<beginClose.lowerBound].trimmingCharacters(in: .whitespaces)
            let bodyAndEnd = afterBegin[beginClose.upperBound...]
            guard let end = bodyAndEnd.range(of: "-----END ") else { throw .unterminated(label: label) }
            let afterEnd = bodyAndEnd[end.upperBound...]
            guard let endClose = afterEnd.range(of: "-----") else { throw .unterminated(label: label) }
            let endLabel = afterEnd[..<endClose.lowerBound].trimmingCharacters(in: .whitespaces)
            guard endLabel == label else { throw .mismatchedEnd(begin: label, end: endLabel) }
            // Lines with a colon are RFC 1421 headers (Proc-Type, DEK-Info), never base64.
            let base64 = bodyAndEnd[..<end.lowerBound]
                .split(whereSeparator: \.isNewline)
                .filter { !$0.contains(":") }
                .joined()
                .filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: base64), !data.isEmpty else {
                throw .invalidBase64(label: label)
            }
            blocks.append(PEMBlock(label: label, der: [UInt8](data)))
            rest = afterEnd[endClose.upperBound...]
        }
        guard !blocks.isEmpty else { throw .noBlock }
        return blocks
    }
}
