/// A parsed query: every clause must match (AND). A query with no clauses, which is
/// what an empty or wholly ignored query text gives, matches everything.
public struct SearchQuery: Sendable, Hashable {
    public var clauses: [SearchClause]

    public init(clauses: [SearchClause] = []) {
        self.clauses = clauses
    }

    public var matchesAll: Bool { clauses.isEmpty }
}
