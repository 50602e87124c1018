/// Numeric values (CVSS, counts, risk scores): `7`, `=7`, `==7`, `>7`, `>=7`, `<7`, `<=7`
/// and the exclusive range `5-8`.
extension SearchQueryParser {
    static func numberPredicate(_ value: String, context: String) throws(SearchError) -> SearchPredicate {
        let (comparison, rest) = comparisonPrefix(value)
        if let comparison {
            return .number(comparison, try number(rest, context: context))
        }
        // A plain number first, so `1e-5` or `-3` is not mistaken for a range.
        if let number = Double(rest) {
            return .number(.equal, number)
        }
        guard let (lowerText, upperText) = splitRange(rest) else {
            throw SearchError("cannot parse \"\(rest)\" as a number (in \"\(context)\")")
        }
        guard let lower = Double(lowerText), let upper = Double(upperText) else {
            let bad = Double(lowerText) == nil ? lowerText : upperText
            throw SearchError("invalid range \"\(rest)\" (in \"\(context)\"): cannot parse \"\(bad)\" as a number")
        }
        guard lower < upper else {
            throw SearchError("invalid range \"\(rest)\" (in \"\(context)\"): the first value must be less than the second")
        }
        return .numberRange(lower, upper)
    }

    private static func number(_ text: String, context: String) throws(SearchError) -> Double {
        guard let number = Double(text) else {
            throw SearchError("cannot parse \"\(text)\" as a number (in \"\(context)\")")
        }
        return number
    }
}
