/// Strings, enums, bools and maps: the value types read by name rather than by magnitude.
extension SearchQueryParser {
    /// Prefix by default, `"…"` exact, `r/` regex, each negatable with `!`.
    static func stringPredicate(_ modifiers: SearchValueModifiers, context: String) throws(SearchError) -> SearchPredicate {
        if modifiers.regex {
            return .regex(try regex(modifiers.text, context: context), negated: modifiers.negated)
        }
        if modifiers.exact {
            return .exact(modifiers.text, negated: modifiers.negated)
        }
        return .prefix(modifiers.text, negated: modifiers.negated)
    }

    static func regex(_ pattern: String, context: String) throws(SearchError) -> SearchRegex {
        guard let regex = SearchRegex(pattern) else {
            throw SearchError("invalid regex \"\(pattern)\" in \"\(context)\"")
        }
        return regex
    }

    /// Resolves the value to the set of enum names it selects (StackRox's enum registry
    /// matches lower-cased names): a case-insensitive prefix by default, `"…"` exact,
    /// `r/` regex, `!` the complement; without modifiers, `>`/`>=`/`<`/`<=` compare the
    /// enum's position with that of each named value. A value naming no enum value
    /// selects nothing, so it matches nothing rather than failing.
    static func enumPredicate(
        _ value: String, _ modifiers: SearchValueModifiers, names: [String], context: String
    ) throws(SearchError) -> SearchPredicate {
        let wanted = modifiers.text.lowercased()
        if modifiers.regex {
            let regex = try regex(modifiers.text, context: context)
            return .enumeration(Set(names.filter { regex.matches($0.lowercased()) }), negated: modifiers.negated)
        }
        if modifiers.exact {
            return .enumeration(Set(names.filter { $0.lowercased() == wanted }), negated: modifiers.negated)
        }
        if modifiers.negated {
            return .enumeration(Set(names.filter { $0.lowercased().hasPrefix(wanted) }), negated: true)
        }

        let (comparison, rest) = comparisonPrefix(value)
        let named = names.indices.filter { names[$0].lowercased().hasPrefix(rest.lowercased()) }
        guard let comparison, comparison != .equal else {
            return .enumeration(Set(named.map { names[$0] }), negated: false)
        }
        let selected = names.indices.filter { position in
            named.contains { comparison.holds(position, $0) }
        }
        return .enumeration(Set(selected.map { names[$0] }), negated: false)
    }

    /// `true/false/1/0/t/f` or any case-insensitive prefix of `true` or `false`
    /// (StackRox `FriendlyParseBool`).
    static func boolPredicate(_ value: String, context: String) throws(SearchError) -> SearchPredicate {
        let lower = value.lowercased()
        if lower == "1" || "true".hasPrefix(lower) { return .bool(true) }
        if lower == "0" || "false".hasPrefix(lower) { return .bool(false) }
        throw SearchError("cannot parse \"\(value)\" as a bool (in \"\(context)\")")
    }

    /// Map entries (`Image Label`), split at the first `=`:
    /// `key=value` an entry with exactly that key whose value has that prefix (the value
    /// takes the string modifiers `!`, `"…"`, `r/`; the key `"…"` and `r/`);
    /// `key=` or `key` an entry with that key, `!key=` or `!key` no such entry;
    /// `=value` any entry with such a value; `=` a non-empty map.
    static func mapPredicate(_ value: String, context: String) throws(SearchError) -> SearchPredicate {
        var key = value
        var entryValue = ""
        if let equals = value.firstIndex(of: "=") {
            key = String(value[..<equals])
            entryValue = String(value[value.index(after: equals)...])
        }
        let keyNegated = key.hasPrefix("!")
        if keyNegated {
            key.removeFirst()
            guard !key.isEmpty, entryValue.isEmpty else {
                throw SearchError("cannot negate a map key and also match its value in \"\(context)\"")
            }
        }

        var keyPredicate: SearchPredicate?
        if !key.isEmpty {
            // Only `r/` and `"…"` apply to keys; a key is otherwise matched exactly.
            if key.hasPrefix("r/"), key.count > 2 {
                keyPredicate = .regex(try regex(String(key.dropFirst(2)), context: context), negated: false)
            } else if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 {
                keyPredicate = .exact(String(key.dropFirst().dropLast()), negated: false)
            } else {
                keyPredicate = .exact(key, negated: false)
            }
        }

        var valuePredicate: SearchPredicate?
        if !entryValue.isEmpty {
            let modifiers = SearchValueModifiers(entryValue)
            if modifiers.atLeastOne {
                throw SearchError("\"!!\" (at least one) is not supported in \"\(context)\"")
            }
            valuePredicate = try stringPredicate(modifiers, context: context)
        }
        return .mapEntry(key: keyPredicate, value: valuePredicate, negated: keyNegated)
    }
}
