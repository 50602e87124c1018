import Foundation

/// Which page of results, in which order (StackRox `pagination.limit`, `.offset`,
/// `.sortOption.field`, `.sortOption.reversed`).
public struct SearchPagination: Sendable {
    /// Nil or not positive: no limit (a proto's unset 0 means "all").
    public var limit: Int?
    public var offset: Int
    /// A field label, matched case-insensitively; nil keeps the documents' order.
    public var sortField: String?
    /// Descending instead of ascending.
    public var reversed: Bool

    public init(limit: Int? = nil, offset: Int = 0, sortField: String? = nil, reversed: Bool = false) {
        self.limit = limit
        self.offset = offset
        self.sortField = sortField
        self.reversed = reversed
    }
}

/// Sorts `docs` by the first value each holds for the sort field, then cuts the page.
///
/// Strings compare case-insensitively, enums by their position in the field's list,
/// `false` before `true`. Documents without a value come last in either direction, and
/// ties keep their input order, so pages stay stable between requests.
public func sortedPage<D: SearchableDocument>(
    _ docs: [D], fields: [SearchField], pagination: SearchPagination
) throws(SearchError) -> [D] {
    var ordered = docs
    if let name = pagination.sortField, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        guard let field = fields.first(where: { $0.isNamed(name) }) else {
            throw SearchError("field \"\(name)\" does not exist")
        }
        let keys = docs.map { $0.searchValues(for: field).first }
        let order = docs.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                let order = sortOrder(x, y, in: field)
                if order == .orderedSame { return a < b }
                return (order == .orderedAscending) != pagination.reversed
            }
        }
        ordered = order.map { docs[$0] }
    }

    let start = min(max(pagination.offset, 0), ordered.count)
    var page = ordered[start...]
    if let limit = pagination.limit, limit > 0 {
        page = page.prefix(limit)
    }
    return Array(page)
}

/// Orders two sort keys; values of different kinds order by kind so the sort stays total.
private func sortOrder(_ x: SearchValue, _ y: SearchValue, in field: SearchField) -> ComparisonResult {
    func compare<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
    }
    switch (x, y) {
    case let (.string(a), .string(b)):
        return a.compare(b, options: .caseInsensitive)
    case let (.number(a), .number(b)):
        return compare(a, b)
    case let (.time(a), .time(b)):
        return compare(a, b)
    case let (.bool(a), .bool(b)):
        return compare(a ? 1 : 0, b ? 1 : 0)
    case let (.enumeration(a), .enumeration(b)):
        if case .enumeration(let names) = field.type,
           let i = names.firstIndex(where: { $0.caseInsensitiveCompare(a) == .orderedSame }),
           let j = names.firstIndex(where: { $0.caseInsensitiveCompare(b) == .orderedSame }) {
            return compare(i, j)
        }
        return a.compare(b, options: .caseInsensitive)
    default:
        return compare(kindRank(x), kindRank(y))
    }
}

private func kindRank(_ value: SearchValue) -> Int {
    switch value {
    case .string: 0
    case .number: 1
    case .time: 2
    case .bool: 3
    case .enumeration: 4
    case .map: 5
    }
}
