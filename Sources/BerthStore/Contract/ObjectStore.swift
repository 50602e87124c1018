import Foundation

/// The versioned object store every service is written against.
///
/// The contract is deliberately small — get, list, batched writes with compare-and-swap, and
/// watch-from-version — because it has to be met exactly by two engines (SQLite in-process,
/// PostgreSQL shared by replicas) and is checked by one shared test suite. Everything a
/// dialect needs beyond it (selectors, namespaces, pagination tokens) is built on top.
public protocol ObjectStore: Sendable {
    func get(kind: String, key: String) async throws -> StoredObject?

    func list(kind: String, query: ListQuery) async throws -> ListPage

    /// Applies every operation or none. Returns the object each operation left behind (for a
    /// delete, the object as it was, carrying the deletion's version).
    @discardableResult
    func commit(_ operations: [StoreOperation]) async throws -> [StoredObject]

    /// Events with a version above `version`, for one kind, keys under `prefix`. Starting below
    /// the oldest retained event fails with a `gone` error, as Kubernetes clients expect.
    func watch(kind: String, prefix: String, fromVersion version: Int64) async throws -> AsyncThrowingStream<WatchEvent, Error>

    /// How many objects of a kind carry each value of one index field: facet counts
    /// (vulnerability records per ecosystem, images per registry) without reading bodies.
    func indexCounts(kind: String, field: String) async throws -> [String: Int]

    /// Every kind that holds at least one object, in order; with ``indexEntries(kind:keys:)``
    /// what copying a whole store to another backend needs beyond `list`.
    func kinds() async throws -> [String]
    /// The index entries of these objects, by key (objects without entries are left out).
    func indexEntries(kind: String, keys: [String]) async throws -> [String: [IndexEntry]]
    /// The newest version the store has committed.
    func currentVersion() async throws -> Int64

    /// Drops events older than the newest `keep` ones; returns the oldest version a watch may
    /// still resume from.
    @discardableResult
    func compactEvents(keep: Int) async throws -> Int64
}

extension ObjectStore {
    @discardableResult
    public func create(kind: String, key: String, body: Data, index: [IndexEntry] = []) async throws -> StoredObject {
        try await commit([.create(kind: kind, key: key, body: body, index: index)])[0]
    }

    @discardableResult
    public func update(
        kind: String, key: String, body: Data, index: [IndexEntry] = [], expectedVersion: Int64?
    ) async throws -> StoredObject {
        try await commit([.update(kind: kind, key: key, body: body, index: index, expectedVersion: expectedVersion)])[0]
    }

    @discardableResult
    public func put(kind: String, key: String, body: Data, index: [IndexEntry] = []) async throws -> StoredObject {
        try await commit([.put(kind: kind, key: key, body: body, index: index)])[0]
    }

    @discardableResult
    public func delete(kind: String, key: String, expectedVersion: Int64? = nil) async throws -> StoredObject {
        try await commit([.delete(kind: kind, key: key, expectedVersion: expectedVersion)])[0]
    }

    /// Every object of a kind under a prefix, following continue keys.
    public func listAll(kind: String, prefix: String = "", filters: [IndexFilter] = []) async throws -> [StoredObject] {
        var items: [StoredObject] = []
        var after: String?
        repeat {
            let page = try await list(kind: kind, query: ListQuery(prefix: prefix, filters: filters, limit: 500, continueAfter: after))
            items += page.items
            after = page.continueKey
        } while after != nil
        return items
    }
}
