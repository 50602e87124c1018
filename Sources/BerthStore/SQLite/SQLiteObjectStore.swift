import BerthModel
import Foundation
import GRDB
import Logging

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// Every write is one SQLite transaction that appends to the `events` table; the event's
/// AUTOINCREMENT row id *is* the new resource version, so versions are strictly increasing
/// and never reused, even after compaction empties the table.
public final class SQLiteObjectStore: ObjectStore {
    private let pool: DatabasePool
    private let broadcaster = VersionBroadcaster()
    /// How often a watch re-reads events when no in-process commit woke it, so that writes by
    /// another process (`berth token create`) are seen too.
    private let pollInterval: Duration

    public init(path: String, pollInterval: Duration = .seconds(1)) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.pollInterval = pollInterval
        try SQLiteSchema.migrator.migrate(pool)
    }

    public func get(kind: String, key: String) async throws -> StoredObject? {
        guard StoreText.isStorable(kind), StoreText.isStorable(key) else { return nil }
        return try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT version, created_version, body FROM objects WHERE kind = ? AND key = ?",
                arguments: [kind, key]
            ).map { StoredObject(kind: kind, key: key, resourceVersion: $0[0], createdVersion: $0[1], body: $0[2]) }
        }
    }

    public func list(kind: String, query: ListQuery) async throws -> ListPage {
        guard StoreText.isStorable(kind), StoreText.isStorable(query) else { return ListPage(items: [], continueKey: nil, resourceVersion: try await currentVersion()) }
        return try await pool.read { db in
            var sql = "SELECT o.key, o.version, o.created_version, o.body FROM objects o WHERE o.kind = ?"
            var arguments: StatementArguments = [kind]
            if !query.prefix.isEmpty {
                sql += " AND o.key >= ? AND o.key < ?"
                arguments += [query.prefix, query.prefix + "\u{10FFFF}"]
            }
            if let after = query.continueAfter {
                sql += " AND o.key > ?"
                arguments += [after]
            }
            // Filters drive the query from the index (`key IN (…)`), so a filtered list reads
            // only matching rows instead of probing the index once per object of the kind.
            for filter in query.filters {
                switch filter.mode {
                case .exact:
                    let marks = Array(repeating: "?", count: max(filter.values.count, 1)).joined(separator: ",")
                    sql += " AND o.key IN (SELECT i.key FROM object_index i WHERE i.kind = ? AND i.field = ? AND i.value IN (\(marks)))"
                    arguments += [kind, filter.field]
                    arguments += StatementArguments(filter.values.isEmpty ? [""] : filter.values)
                case .prefix:
                    // Ranges, not LIKE, so the (kind, field, value) primary key serves them.
                    let ranges = Array(repeating: "(i.value >= ? AND i.value < ?)", count: max(filter.values.count, 1)).joined(separator: " OR ")
                    sql += " AND o.key IN (SELECT i.key FROM object_index i WHERE i.kind = ? AND i.field = ? AND (\(ranges)))"
                    arguments += [kind, filter.field]
                    for value in filter.values.isEmpty ? ["\u{10FFFF}"] : filter.values {
                        arguments += [value, value + "\u{10FFFF}"]
                    }
                }
            }
            sql += " ORDER BY o.key"
            if let limit = query.limit {
                sql += " LIMIT ?"
                arguments += [limit + 1]
            }
            var items = try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                StoredObject(kind: kind, key: $0[0], resourceVersion: $0[1], createdVersion: $0[2], body: $0[3])
            }
            var continueKey: String?
            if let limit = query.limit, items.count > limit {
                items.removeLast(items.count - limit)
                continueKey = items.last?.key
            }
            return ListPage(items: items, continueKey: continueKey, resourceVersion: try Self.currentVersion(db))
        }
    }

    public func indexCounts(kind: String, field: String) async throws -> [String: Int] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT value, COUNT(DISTINCT key) FROM object_index WHERE kind = ? AND field = ? GROUP BY value",
                arguments: [kind, field]
            )
            var counts: [String: Int] = [:]
            for row in rows {
                let value: String = row[0]
                let count: Int = row[1]
                counts[value] = count
            }
            return counts
        }
    }

    public func kinds() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM objects ORDER BY kind") }
    }

    public func indexEntries(kind: String, keys: [String]) async throws -> [String: [IndexEntry]] {
        guard !keys.isEmpty else { return [:] }
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT key, field, value, is_unique FROM object_index WHERE kind = ? AND key IN (\(databaseQuestionMarks(count: keys.count))) ORDER BY key, field, value",
                arguments: StatementArguments([kind] + keys)
            )
            var entries: [String: [IndexEntry]] = [:]
            for row in rows {
                let key: String = row[0], field: String = row[1], value: String = row[2], unique: Bool = row[3]
                entries[key, default: []].append(IndexEntry(field, value, unique: unique))
            }
            return entries
        }
    }

    @discardableResult
    public func commit(_ operations: [StoreOperation]) async throws -> [StoredObject] {
        guard !operations.isEmpty else { return [] }
        try StoreText.check(operations)
        let results = try await pool.write { db in
            try operations.map { try Self.apply($0, in: db) }
        }
        broadcaster.notify()
        return results
    }

    public func currentVersion() async throws -> Int64 {
        try await pool.read { db in try Self.currentVersion(db) }
    }

    @discardableResult
    public func compactEvents(keep: Int) async throws -> Int64 {
        try await pool.write { db in
            let newest = try Self.currentVersion(db)
            let through = max(newest - Int64(keep), try Self.compactedThrough(db))
            try db.execute(sql: "DELETE FROM events WHERE version <= ?", arguments: [through])
            try db.execute(
                sql: "INSERT INTO store_meta(name, value) VALUES ('compacted_through', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                arguments: [through]
            )
            return through
        }
    }

    public func watch(kind: String, prefix: String, fromVersion version: Int64) async throws -> AsyncThrowingStream<WatchEvent, Error> {
        let compacted = try await pool.read { db in try Self.compactedThrough(db) }
        if version < compacted {
            throw BerthError(.gone, "too old resource version: \(version) (events before \(compacted + 1) were compacted)")
        }
        let pool = self.pool
        return broadcaster.watchStream(from: version, tick: pollInterval) { after, limit in
            try await pool.read { db in try Self.events(db, kind: kind, prefix: prefix, after: after, limit: limit) }
        }
    }

    // MARK: - Inside transactions

    private static func currentVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
    }

    private static func compactedThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM store_meta WHERE name = 'compacted_through'") ?? 0
    }

    private static func events(_ db: Database, kind: String, prefix: String, after: Int64, limit: Int) throws -> [WatchEvent] {
        var sql = "SELECT version, key, type, created_version, body FROM events WHERE kind = ? AND version > ?"
        var arguments: StatementArguments = [kind, after]
        if !prefix.isEmpty {
            sql += " AND key >= ? AND key < ?"
            arguments += [prefix, prefix + "\u{10FFFF}"]
        }
        sql += " ORDER BY version LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let type = WatchEvent.EventType(rawValue: row[2]) ?? .modified
            return WatchEvent(
                type: type,
                object: StoredObject(kind: kind, key: row[1], resourceVersion: row[0], createdVersion: row[3], body: row[4])
            )
        }
    }

    private static func apply(_ operation: StoreOperation, in db: Database) throws -> StoredObject {
        let kind = operation.kind
        let key = operation.key
        let existing = try Row.fetchOne(
            db, sql: "SELECT version, created_version, body FROM objects WHERE kind = ? AND key = ?", arguments: [kind, key]
        ).map { (version: $0[0] as Int64, created: $0[1] as Int64, body: $0[2] as Data) }

        func checkVersion(_ expected: Int64?) throws {
            guard let existing else { throw BerthError(.notFound, "\(kind) \"\(key)\" not found") }
            if let expected, expected != existing.version {
                throw BerthError(
                    .conflict,
                    "the object has been modified: \(kind) \"\(key)\" is at version \(existing.version), not \(expected); read it again and retry"
                )
            }
        }

        switch operation {
        case .create(_, _, let body, let index):
            if existing != nil { throw BerthError(.alreadyExists, "\(kind) \"\(key)\" already exists") }
            return try write(db, kind: kind, key: key, body: body, index: index, type: .added, created: nil)
        case .update(_, _, let body, let index, let expected):
            try checkVersion(expected)
            return try write(db, kind: kind, key: key, body: body, index: index, type: .modified, created: existing?.created)
        case .put(_, _, let body, let index):
            return try write(
                db, kind: kind, key: key, body: body, index: index,
                type: existing == nil ? .added : .modified, created: existing?.created
            )
        case .delete(_, _, let expected):
            try checkVersion(expected)
            let version = try appendEvent(db, kind: kind, key: key, type: .deleted, created: existing!.created, body: existing!.body)
            try db.execute(sql: "DELETE FROM objects WHERE kind = ? AND key = ?", arguments: [kind, key])
            try db.execute(sql: "DELETE FROM object_index WHERE kind = ? AND key = ?", arguments: [kind, key])
            return StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: existing!.created, body: existing!.body)
        }
    }

    private static func write(
        _ db: Database, kind: String, key: String, body: Data, index: [IndexEntry],
        type: WatchEvent.EventType, created: Int64?
    ) throws -> StoredObject {
        for entry in index where entry.unique {
            if let holder = try String.fetchOne(
                db,
                sql: "SELECT key FROM object_index WHERE kind = ? AND field = ? AND value = ? AND is_unique = 1 AND key != ?",
                arguments: [kind, entry.field, entry.value, key]
            ) {
                throw BerthError(
                    .alreadyExists, "\(entry.field) \"\(entry.value)\" is already used by \(kind) \"\(holder)\"",
                    field: entry.field
                )
            }
        }
        let placeholder = created ?? 0
        let version = try appendEvent(db, kind: kind, key: key, type: type, created: placeholder, body: body)
        let createdVersion = created ?? version
        if created == nil {
            try db.execute(sql: "UPDATE events SET created_version = ? WHERE version = ?", arguments: [version, version])
        }
        try db.execute(
            sql: """
                INSERT INTO objects(kind, key, version, created_version, body) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, body = excluded.body
                """,
            arguments: [kind, key, version, createdVersion, body]
        )
        try db.execute(sql: "DELETE FROM object_index WHERE kind = ? AND key = ?", arguments: [kind, key])
        for entry in Set(index) {
            try db.execute(
                sql: "INSERT OR IGNORE INTO object_index(kind, key, field, value, is_unique) VALUES (?, ?, ?, ?, ?)",
                arguments: [kind, key, entry.field, entry.value, entry.unique ? 1 : 0]
            )
        }
        return StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: createdVersion, body: body)
    }

    private static func appendEvent(
        _ db: Database, kind: String, key: String, type: WatchEvent.EventType, created: Int64, body: Data
    ) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO events(kind, key, type, created_version, body) VALUES (?, ?, ?, ?, ?)",
            arguments: [kind, key, type.rawValue, created, body]
        )
        return db.lastInsertedRowID
    }
}
