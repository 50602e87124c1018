import BerthModel
import Foundation

/// A parsed `fieldSelector` query parameter (`k8s.io/apimachinery/pkg/fields` ParseSelector,
/// then the per-resource check of which fields may be selected).
///
/// Each resource supports only the fields it can answer cheaply; an unknown field is refused
/// (400 "field label not supported") rather than matching nothing, because a typo would
/// otherwise look like an empty namespace.
public struct FieldSelector: Sendable, Equatable, CustomStringConvertible {
    /// Sorted by field (stable for one field), as Kubernetes sorts the terms, so two
    /// spellings of one selector compare equal.
    public private(set) var requirements: [FieldRequirement]

    public init(parsing text: String, supportedFields: Set<String>) throws(BerthError) {
        var requirements: [FieldRequirement] = []
        for term in Self.terms(text) where !term.isEmpty {
            guard let (field, op, rawValue) = Self.split(term) else {
                throw BerthError(.invalidArgument, "invalid selector: '\(text)'; can't understand '\(term)'")
            }
            let value = try Self.unescape(rawValue)
            guard supportedFields.contains(field) else {
                throw BerthError(.invalidArgument, "field label not supported: \(field)")
            }
            requirements.append(FieldRequirement(field: field, operator: op, value: value))
        }
        self.requirements = requirements.enumerated()
            .sorted { $0.element.field != $1.element.field ? $0.element.field < $1.element.field : $0.offset < $1.offset }
            .map(\.element)
    }

    public var isEmpty: Bool { requirements.isEmpty }

    public func matches(_ fields: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(fields) }
    }

    /// The value an `=` term demands of `field`, so a list can read one key (a name, a
    /// namespace prefix) instead of scanning and filtering.
    public func exactValue(for field: String) -> String? {
        requirements.first { $0.field == field && $0.operator == .equals }?.value
    }

    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }

    // MARK: - Parsing

    /// Splits on commas a backslash does not escape; the escapes stay for `unescape`.
    private static func terms(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var terms: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        terms.append(current)
        return terms
    }

    /// The first operator from the left wins, trying `!=` and `==` before `=` at each place,
    /// so field names cannot hold an operator but values can (escaped).
    private static func split(_ term: String) -> (String, FieldOperator, String)? {
        var index = term.startIndex
        while index < term.endIndex {
            let rest = term[index...]
            if rest.hasPrefix("!=") {
                return (String(term[..<index]), .notEquals, String(rest.dropFirst(2)))
            }
            if rest.hasPrefix("==") {
                return (String(term[..<index]), .equals, String(rest.dropFirst(2)))
            }
            if rest.hasPrefix("=") {
                return (String(term[..<index]), .equals, String(rest.dropFirst(1)))
            }
            index = term.index(after: index)
        }
        return nil
    }

    /// `\\`, `\,` and `\=` only; an unescaped `,` or `=` in a value is refused rather than
    /// guessed at, as Kubernetes does.
    private static func unescape(_ raw: String) throws(BerthError) -> String {
        guard raw.contains(where: { $0 == "\\" || $0 == "," || $0 == "=" }) else { return raw }
        var value = ""
        var escaped = false
        for character in raw {
            if escaped {
                guard character == "\\" || character == "," || character == "=" else {
                    throw BerthError(.invalidArgument, "invalid field selector: invalid escape sequence: \\\(character)")
                }
                value.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," || character == "=" {
                throw BerthError(.invalidArgument, "invalid field selector: unescaped character in value: \(character)")
            } else {
                value.append(character)
            }
        }
        if escaped {
            throw BerthError(.invalidArgument, "invalid field selector: invalid escape sequence: \\")
        }
        return value
    }
}
