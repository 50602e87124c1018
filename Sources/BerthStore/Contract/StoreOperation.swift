import Foundation

/// One write in a ``ObjectStore/commit(_:)`` batch.
///
/// Batches are how services keep "nothing is half-written": an import that stores an image
/// and moves a tag commits both or neither. Closures over a live transaction would not carry
/// across the SQLite (synchronous) and PostgreSQL (asynchronous) drivers; a list of
/// operations does.
public enum StoreOperation: Sendable, Equatable {
    /// Fails with `alreadyExists` if the key is taken.
    case create(kind: String, key: String, body: Data, index: [IndexEntry])
    /// Fails with `notFound` if absent, `conflict` if `expectedVersion` is set and stale.
    case update(kind: String, key: String, body: Data, index: [IndexEntry], expectedVersion: Int64?)
    /// Creates or replaces, whatever is there.
    case put(kind: String, key: String, body: Data, index: [IndexEntry])
    /// Fails with `notFound` if absent, `conflict` if `expectedVersion` is set and stale.
    case delete(kind: String, key: String, expectedVersion: Int64?)

    public var kind: String {
        switch self {
        case .create(let kind, _, _, _), .update(let kind, _, _, _, _), .put(let kind, _, _, _), .delete(let kind, _, _):
            return kind
        }
    }

    public var key: String {
        switch self {
        case .create(_, let key, _, _), .update(_, let key, _, _, _), .put(_, let key, _, _), .delete(_, let key, _):
            return key
        }
    }
}
