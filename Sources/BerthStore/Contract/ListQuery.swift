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

/// One index condition: the field holds one of these values.
public struct IndexFilter: Sendable, Equatable {
    public var field: String
    public var values: [String]

    public init(_ field: String, _ values: [String]) {
        self.field = field
        self.values = values
    }

    public init(_ field: String, equals value: String) {
        self.init(field, [value])
    }
}
