import Foundation

/// One value of a clause, already read for its field's type (reference §6.2), so that
/// matching documents never parses text again. Durations and dates are resolved to
/// instants against the `now` given to the parser.
public indirect enum SearchPredicate: Sendable, Hashable {
    /// `*`: the field has at least one value.
    case exists
    /// `-`: the field has no value.
    case missing
    /// Strings, the default: case-insensitive prefix (StackRox `ILIKE 'v%'`); `!v` negates.
    case prefix(String, negated: Bool)
    /// Strings, `"v"`: case-sensitive equality; `!"v"` negates.
    case exact(String, negated: Bool)
    /// Strings, `r/v`: case-insensitive, unanchored regular expression; `!r/v` negates.
    case regex(SearchRegex, negated: Bool)
    /// Numbers: `7`, `==7`, `>=7`, …
    case number(SearchComparison, Double)
    /// Numbers, `5-8`: strictly between the bounds.
    case numberRange(Double, Double)
    /// Times against one instant: `>01/02/2006`, `>30d` (older than 30 days), …
    case time(SearchComparison, Date)
    /// Times below `upper`, and at or after `lower` when `includesLower` (a day,
    /// `tr/…`), strictly after it otherwise (a duration range `1d-7d`).
    case timeRange(lower: Date, upper: Date, includesLower: Bool)
    case bool(Bool)
    /// Enums: the names (spelled as in the field's list) a value must be one of, or
    /// must not be when negated. Prefixes, regexes and `>=` are resolved to this set.
    case enumeration(Set<String>, negated: Bool)
    /// Maps: some entry whose key and value satisfy the string predicates (nil: any);
    /// negated (`!key=`): no such entry. `=` alone asks for a non-empty map.
    case mapEntry(key: SearchPredicate?, value: SearchPredicate?, negated: Bool)
}
