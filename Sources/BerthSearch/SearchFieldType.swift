/// How a field's query values are read and compared (reference §6.2): the same
/// text `>7` is a number bound for `CVSS` but a prefix for `Image`.
public enum SearchFieldType: Sendable, Hashable {
    case string
    case number
    case time
    case bool
    /// The enum's names in number order, so `Severity:>=IMPORTANT…` can compare positions.
    case enumeration([String])
    /// `key=value` entries (labels).
    case map
}
