/// What a list asks for: Cycle's `filter[...]`, `sort` and `page[...]`, parsed.
public struct ImageSourceQuery: Sendable {
    /// Sort keys a list may use; anything else is refused rather than silently ignored.
    public static let sortKeys: Set<String> = ["id", "name", "identifier", "type", "events.created", "events.updated", "state.current", "state.changed"]

    public var search: String?
    public var identifier: String?
    /// Nil: every state but `deleted`.
    public var states: [String]?
    /// Keys in priority order; `true` is descending.
    public var sort: [(key: String, descending: Bool)]
    public var pageNumber: Int
    public var pageSize: Int

    public init(search: String? = nil, identifier: String? = nil, states: [String]? = nil, sort: [(key: String, descending: Bool)] = [],
                pageNumber: Int = 1, pageSize: Int = 20) {
        self.search = search
        self.identifier = identifier
        self.states = states
        self.sort = sort
        self.pageNumber = pageNumber
        self.pageSize = pageSize
    }
}
