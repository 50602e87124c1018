import Foundation

/// An `r/` pattern, compiled once while parsing so a bad pattern is a query error and
/// matching a thousand documents does not recompile it. Equal when the pattern text is.
///
/// Matching is case-insensitive and unanchored, like PostgreSQL's `~*`. StackRox also
/// lower-cases the pattern first; we do not, because that turns `\D` into `\d` and a
/// case-insensitive match makes it unnecessary.
public struct SearchRegex: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let expression: NSRegularExpression

    /// Nil when the pattern does not compile.
    public init?(_ pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
            return nil
        }
        self.pattern = pattern
        self.expression = expression
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public var description: String { "r/" + pattern }

    public static func == (lhs: SearchRegex, rhs: SearchRegex) -> Bool {
        lhs.pattern == rhs.pattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
    }
}
