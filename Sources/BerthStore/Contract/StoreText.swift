import BerthModel

/// Kinds, keys and index values are text without NUL characters: PostgreSQL's `text`
/// cannot hold one, and the two backends must agree. Such a value names nothing: reads find
/// nothing, writes are refused as bad input (a client typed it, not a failing database).
enum StoreText {
    static func isStorable(_ text: String) -> Bool { !text.utf8.contains(0) }

    static func isStorable(_ query: ListQuery) -> Bool {
        isStorable(query.prefix) && isStorable(query.continueAfter ?? "")
            && query.filters.allSatisfy { isStorable($0.field) && $0.values.allSatisfy(isStorable) }
    }

    static func check(_ operations: [StoreOperation]) throws {
        for operation in operations {
            let index: [IndexEntry]
            switch operation {
            case .create(_, _, _, let entries), .update(_, _, _, let entries, _), .put(_, _, _, let entries): index = entries
            case .delete: index = []
            }
            guard isStorable(operation.kind), isStorable(operation.key) else {
                if case .delete = operation { throw BerthError.notFound("no object under a key containing a NUL character") }
                throw BerthError.invalid("a name or key may not contain a NUL (0x00) character")
            }
            for entry in index where !isStorable(entry.field) || !isStorable(entry.value) {
                throw BerthError.invalid("\(entry.field) may not contain a NUL (0x00) character")
            }
        }
    }
}
