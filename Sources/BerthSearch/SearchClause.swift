/// One `Field:v1,v2` pair of a query: the field and its values, which are OR-ed.
public struct SearchClause: Sendable, Hashable {
    public var field: SearchField
    public var predicates: [SearchPredicate]

    public init(field: SearchField, predicates: [SearchPredicate]) {
        self.field = field
        self.predicates = predicates
    }
}
