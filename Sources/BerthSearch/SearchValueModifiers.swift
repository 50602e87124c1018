/// The modifiers in front of a query value (StackRox `GetValueAndModifiersFromString`):
/// at most one of `!!` or `!`, then `r/` or `"…"`. Each needs a non-empty remainder, so
/// a value that is only `!` or only `r/` is taken literally; after `r/` or inside `"…"`
/// the rest is taken as is.
struct SearchValueModifiers {
    var text: String
    var atLeastOne = false
    var negated = false
    var regex = false
    var exact = false

    init(_ value: String) {
        var rest = Substring(value)
        if rest.hasPrefix("!!"), rest.count > 2 {
            atLeastOne = true
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("!"), rest.count > 1 {
            negated = true
            rest = rest.dropFirst()
        }
        if rest.hasPrefix("r/"), rest.count > 2 {
            regex = true
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("\""), rest.hasSuffix("\""), rest.count >= 2 {
            exact = true
            rest = rest.dropFirst().dropLast()
        }
        text = String(rest)
    }

    var hasAny: Bool { atLeastOne || negated || regex || exact }
}
