/// A comparison operator written in front of a number, date, duration or enum value.
public enum SearchComparison: String, Sendable, Hashable {
    case equal = "="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Durations count backwards from now, so "more than 30 days" (`>30d`) is a
    /// timestamp *before* now−30d: the operator flips.
    var inverted: SearchComparison {
        switch self {
        case .equal: .equal
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }

    func holds<T: Comparable>(_ value: T, _ bound: T) -> Bool {
        switch self {
        case .equal: value == bound
        case .less: value < bound
        case .lessOrEqual: value <= bound
        case .greater: value > bound
        case .greaterOrEqual: value >= bound
        }
    }
}
