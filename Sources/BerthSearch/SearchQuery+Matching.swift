import Foundation

/// Evaluating a parsed query against a document.
///
/// A clause matches when any of the document's values for its field satisfies any of
/// its predicates, the way StackRox matches an image if any joined row (component,
/// CVE) does. A negated predicate is satisfied by a value that does not match, and by
/// a field with no values at all; `-` only by no values; `*` by any value.
///
/// Unlike StackRox's SQL joins, clauses are matched independently: `CVE:x+Fixable:true`
/// means "has CVE x and has some fixable CVE", not necessarily the same one, because a
/// document here offers flat value lists per field, not rows.
extension SearchQuery {
    public func matches(_ document: some SearchableDocument) -> Bool {
        clauses.allSatisfy { $0.matches(document) }
    }
}

extension SearchClause {
    func matches(_ document: some SearchableDocument) -> Bool {
        let values = document.searchValues(for: field)
        return predicates.contains { predicate in
            values.isEmpty
                ? predicate.matchesNoValue
                : values.contains { predicate.matches($0, in: field) }
        }
    }
}

extension SearchPredicate {
    /// Whether a field without values satisfies this predicate.
    var matchesNoValue: Bool {
        switch self {
        case .missing: true
        case .prefix(_, let negated), .exact(_, let negated), .regex(_, let negated),
             .enumeration(_, let negated), .mapEntry(_, _, let negated):
            negated
        default: false
        }
    }

    /// Whether one value satisfies this predicate. A value of another kind than the
    /// predicate expects (a number for a prefix) satisfies nothing, negated or not.
    func matches(_ value: SearchValue, in field: SearchField) -> Bool {
        switch self {
        case .exists:
            return true
        case .missing:
            return false
        case .prefix, .exact, .regex:
            guard let text = value.text else { return false }
            return matchesText(text)
        case .number(let comparison, let bound):
            guard case .number(let number) = value else { return false }
            return comparison.holds(number, bound)
        case .numberRange(let lower, let upper):
            guard case .number(let number) = value else { return false }
            return lower < number && number < upper
        case .time(let comparison, let bound):
            guard case .time(let time) = value else { return false }
            return comparison.holds(time, bound)
        case .timeRange(let lower, let upper, let includesLower):
            guard case .time(let time) = value else { return false }
            return (includesLower ? time >= lower : time > lower) && time < upper
        case .bool(let wanted):
            guard case .bool(let bool) = value else { return false }
            return bool == wanted
        case .enumeration(let names, let negated):
            guard let name = value.enumName(in: field) else { return false }
            return names.contains { $0.caseInsensitiveCompare(name) == .orderedSame } != negated
        case .mapEntry(let key, let entryValue, let negated):
            guard case .map(let map) = value else { return false }
            let found = map.contains { entry in
                (key?.matchesText(entry.key) ?? true) && (entryValue?.matchesText(entry.value) ?? true)
            }
            return found != negated
        }
    }

    /// The string predicates, also used for map keys and values.
    func matchesText(_ text: String) -> Bool {
        switch self {
        case .prefix(let prefix, let negated):
            text.lowercased().hasPrefix(prefix.lowercased()) != negated
        case .exact(let exact, let negated):
            (text == exact) != negated
        case .regex(let regex, let negated):
            regex.matches(text) != negated
        default:
            false
        }
    }
}

extension SearchValue {
    /// The text string predicates look at: strings, and enum names.
    var text: String? {
        switch self {
        case .string(let string), .enumeration(let string): string
        default: nil
        }
    }

    /// The enum name of this value: its name, or its number as a position in the list.
    func enumName(in field: SearchField) -> String? {
        switch self {
        case .enumeration(let name), .string(let name):
            return name
        case .number(let number):
            guard case .enumeration(let names) = field.type, let position = Int(exactly: number),
                  names.indices.contains(position)
            else { return nil }
            return names[position]
        default:
            return nil
        }
    }
}
