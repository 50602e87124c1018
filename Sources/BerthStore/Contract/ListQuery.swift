/// What to list: keys under a prefix, optionally narrowed by index values, one page at a time.
public struct ListQuery: Sendable, Equatable {
    /// Only keys that start with this string (namespaces are key prefixes: `ns/name`).
    public var prefix: String
    /// Every filter must match (AND); within one filter any of its values may match (OR).
    public var filters: [IndexFilter]
    /// At most this many items; `nil` lists everything.
    public var limit: Int?
    /// Resume after this key: the `continueKey` of the previous page.
    public var continueAfter: String?

    public init(prefix: String = "", filters: [IndexFilter] = [], limit: Int? = nil, continueAfter: String? = nil) {
        self.prefix = prefix
        self.filters = filters
        self.limit = limit
        self.continueAfter = continueAfter
    }
}

/// One index condition: the field holds one of these values (or, in prefix mode, a value
/// starting with one of them — how search languages match `CVE-2023-` or `openss`).
public struct IndexFilter: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case exact
        case prefix
    }

    public var field: String
    public var values: [String]
    public var mode: Mode

    public init(_ field: String, _ values: [String], mode: Mode = .exact) {
        self.field = field
        self.values = values
        self.mode = mode
    }

    public init(_ field: String, prefixes: [String]) {
        self.init(field, prefixes, mode: .prefix)
    }

    public init(_ field: String, equals value: String) {
        self.init(field, [value])
    }
}
