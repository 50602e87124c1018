import Foundation

/// Reads the StackRox query language (`Image:nginx+CVSS:>=7`, reference §6) into a
/// `SearchQuery` for a given set of fields.
///
/// It is lenient where StackRox is (unknown fields, pairs without `:` and empty values are
/// ignored, and a query with nothing left matches everything) and strict about values:
/// a value that cannot be read for its field's type is an error naming the value, never
/// a silent match-nothing.
public enum SearchQueryParser {
    /// Parses `text` against `fields`; `now` anchors durations such as `>30d`.
    public static func parse(_ text: String, fields: [SearchField], now: Date = Date()) throws(SearchError) -> SearchQuery {
        // Group first, parse values after: like StackRox's field map, a key written twice
        // identically keeps only its last values (and the earlier ones are never read),
        // while differently written keys for the same field stay separate ANDed clauses.
        var pairs: [(key: String, field: SearchField, values: String)] = []
        for pair in splitPairs(text) {
            guard let (key, values) = splitPair(pair),
                  let field = fields.first(where: { $0.isNamed(key) })
            else { continue }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                pairs[index].values = values
            } else {
                pairs.append((key, field, values))
            }
        }

        var clauses: [SearchClause] = []
        for pair in pairs {
            var predicates: [SearchPredicate] = []
            for value in splitValues(pair.values) {
                let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if value.isEmpty { continue }
                predicates.append(try predicate(value, field: pair.field, now: now))
            }
            if !predicates.isEmpty {
                clauses.append(SearchClause(field: pair.field, predicates: predicates))
            }
        }
        return SearchQuery(clauses: clauses)
    }

    /// One value of a `Field:v1,v2` pair, read for the field's type.
    static func predicate(_ value: String, field: SearchField, now: Date) throws(SearchError) -> SearchPredicate {
        let context = "\(field.label):\(value)"
        switch value {
        case "*": return .exists
        case "-": return .missing
        default: break
        }
        if case .map = field.type {
            return try mapPredicate(value, context: context)
        }

        let modifiers = SearchValueModifiers(value)
        if modifiers.atLeastOne {
            throw SearchError("\"!!\" (at least one) is not supported in \"\(context)\"")
        }
        switch field.type {
        case .string:
            return try stringPredicate(modifiers, context: context)
        case .enumeration(let names):
            return try enumPredicate(value, modifiers, names: names, context: context)
        case .number:
            try rejectModifiers(modifiers, kind: "number", context: context)
            return try numberPredicate(value, context: context)
        case .time:
            try rejectModifiers(modifiers, kind: "time", context: context)
            return try timePredicate(value, now: now, context: context)
        case .bool:
            try rejectModifiers(modifiers, kind: "bool", context: context)
            return try boolPredicate(value, context: context)
        case .map:
            return try mapPredicate(value, context: context)
        }
    }

    private static func rejectModifiers(_ modifiers: SearchValueModifiers, kind: String, context: String) throws(SearchError) {
        if modifiers.hasAny {
            throw SearchError("modifiers (!, r/, \"…\") are not supported for \(kind) fields in \"\(context)\"")
        }
    }

    /// The comparison in front of a number, date or enum value, and the rest of the
    /// value trimmed. Longest operators are tried first so `>=7` is not `>` and `=7`.
    static func comparisonPrefix(_ value: String) -> (SearchComparison?, String) {
        let operators: [(String, SearchComparison)] = [
            (">=", .greaterOrEqual), ("<=", .lessOrEqual), ("==", .equal),
            ("<", .less), (">", .greater), ("=", .equal),
        ]
        for (text, comparison) in operators where value.hasPrefix(text) {
            let rest = value.dropFirst(text.count).trimmingCharacters(in: .whitespacesAndNewlines)
            return (comparison, rest)
        }
        return (nil, value)
    }

    /// Splits `a-b` at the first hyphen after the first character, so a leading minus
    /// sign is not read as the separator.
    static func splitRange(_ value: String) -> (String, String)? {
        guard let first = value.first else { return nil }
        let rest = value.dropFirst()
        guard let hyphen = rest.firstIndex(of: "-") else { return nil }
        return (String(first) + String(rest[..<hyphen]), String(rest[rest.index(after: hyphen)...]))
    }
}
