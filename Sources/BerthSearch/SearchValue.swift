import Foundation

/// One value a document holds for a field. A field may hold several (an image's CVEs,
/// its components), and a clause matches when any one of them does.
public enum SearchValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case time(Date)
    case bool(Bool)
    /// The enum's name, as listed in the field's `SearchFieldType.enumeration`.
    case enumeration(String)
    case map([String: String])
}
