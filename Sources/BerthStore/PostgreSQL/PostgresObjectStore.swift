import BerthModel
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The scale-out store: the same contract as ``SQLiteObjectStore`` on a PostgreSQL server
/// that several Berth processes share.
///
/// Every write transaction first takes one transaction-scoped advisory lock and draws its
/// versions from a counter row, so versions are committed in the order they were drawn (a
/// watcher reading "events after version v" never misses one that commits late) and a
/// failed batch, rolled back, consumes none. Keys
/// and index values use the "C" collation so prefix ranges and key order are bytewise, as
/// in SQLite. Watches poll the events table (other processes write too) and are woken at
/// once by commits made in this process.
public final class PostgresObjectStore: ObjectStore {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let broadcaster = VersionBroadcaster()
    private let pollInterval: Duration
    private static let writeLock: Int64 = 0x6265_7274_6800  // "berth"

    public init(configuration: PostgresClient.Configuration, pollInterval: Duration = .milliseconds(500), logger: Logger = Logger(label: "berth.store")) async throws {
        let client = PostgresClient(configuration: configuration)
        self.client = client
        self.runner = Task { await client.run() }
        self.logger = logger
        self.pollInterval = pollInterval
        do {
            try await client.withConnection { connection in
                try await PostgresSchema.migrate(connection, logger: logger)
            }
        } catch {
            runner.cancel()
            throw BerthError(.unavailable, "PostgreSQL is not usable: \(String(reflecting: error))")
        }
    }

    deinit {
        runner.cancel()
    }

    public func get(kind: String, key: String) async throws -> StoredObject? {
        guard StoreText.isStorable(kind), StoreText.isStorable(key) else { return nil }
        let rows = try await client.query("SELECT version, created_version, body FROM berth_objects WHERE kind = \(kind) AND key = \(key)", logger: logger)
        for try await (version, created, body) in rows.decode((Int64, Int64, ByteBuffer).self) {
            return StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: created, body: Data(buffer: body))
        }
        return nil
    }

    public func list(kind: String, query: ListQuery) async throws -> ListPage {
        guard StoreText.isStorable(kind), StoreText.isStorable(query) else { return ListPage(items: [], continueKey: nil, resourceVersion: try await currentVersion()) }
        var text = "SELECT o.key, o.version, o.created_version, o.body FROM berth_objects o WHERE o.kind = $1"
        var bindings = PostgresBindings()
        bindings.append(kind)
        func bind(_ value: some PostgresEncodable & Sendable) throws -> String {
            try bindings.append(value)
            return "$\(bindings.count)"
        }
        if !query.prefix.isEmpty {
            text += " AND o.key >= \(try bind(query.prefix)) AND o.key < \(try bind(query.prefix + "\u{10FFFF}"))"
        }
        if let after = query.continueAfter {
            text += " AND o.key > \(try bind(after))"
        }
        for filter in query.filters {
            let field = try bind(filter.field)
            let values = filter.values.isEmpty ? [filter.mode == .exact ? "" : "\u{10FFFF}"] : filter.values
            let condition: String
            switch filter.mode {
            case .exact:
                condition = "i.value = ANY(\(try bind(values)))"
            case .prefix:
                var ranges: [String] = []
                for value in values {
                    ranges.append("(i.value >= \(try bind(value)) AND i.value < \(try bind(value + "\u{10FFFF}")))")
                }
                condition = ranges.joined(separator: " OR ")
            }
            text += " AND o.key IN (SELECT i.key FROM berth_index i WHERE i.kind = $1 AND i.field = \(field) AND (\(condition)))"
        }
        text += " ORDER BY o.key"
        if let limit = query.limit {
            text += " LIMIT \(try bind(limit + 1))"
        }
        let sql = PostgresQuery(unsafeSQL: text, binds: bindings)
        let (items, version) = try await client.withConnection { connection in
            var items: [StoredObject] = []
            for try await (key, version, created, body) in try await connection.query(sql, logger: logger).decode((String, Int64, Int64, ByteBuffer).self) {
                items.append(StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: created, body: Data(buffer: body)))
            }
            return (items, try await Self.currentVersion(connection, logger: logger))
        }
        var page = items
        var continueKey: String?
        if let limit = query.limit, page.count > limit {
            page.removeLast(page.count - limit)
            continueKey = page.last?.key
        }
        return ListPage(items: page, continueKey: continueKey, resourceVersion: version)
    }

    public func indexCounts(kind: String, field: String) async throws -> [String: Int] {
        let rows = try await client.query(
            "SELECT value, COUNT(DISTINCT key) FROM berth_index WHERE kind = \(kind) AND field = \(field) GROUP BY value", logger: logger)
        var counts: [String: Int] = [:]
        for try await (value, count) in rows.decode((String, Int64).self) { counts[value] = Int(count) }
        return counts
    }

    public func kinds() async throws -> [String] {
        let rows = try await client.query("SELECT DISTINCT kind FROM berth_objects ORDER BY kind", logger: logger)
        var kinds: [String] = []
        for try await kind in rows.decode(String.self) { kinds.append(kind) }
        return kinds
    }

    public func indexEntries(kind: String, keys: [String]) async throws -> [String: [IndexEntry]] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await client.query(
            "SELECT key, field, value, is_unique FROM berth_index WHERE kind = \(kind) AND key = ANY(\(keys)) ORDER BY key, field, value", logger: logger)
        var entries: [String: [IndexEntry]] = [:]
        for try await (key, field, value, unique) in rows.decode((String, String, String, Bool).self) {
            entries[key, default: []].append(IndexEntry(field, value, unique: unique))
        }
        return entries
    }

    @discardableResult
    public func commit(_ operations: [StoreOperation]) async throws -> [StoredObject] {
        guard !operations.isEmpty else { return [] }
        try StoreText.check(operations)
        let logger = self.logger
        let results: [StoredObject]
        do {
            results = try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
                var results: [StoredObject] = []
                for operation in operations {
                    results.append(try await Self.apply(operation, on: connection, logger: logger))
                }
                return results
            }
        } catch let error as PostgresTransactionError {
            throw (error.closureError as? BerthError) ?? Self.translate(error.closureError ?? error)
        }
        broadcaster.notify()
        return results
    }

    public func currentVersion() async throws -> Int64 {
        try await client.withConnection { try await Self.currentVersion($0, logger: logger) }
    }

    @discardableResult
    public func compactEvents(keep: Int) async throws -> Int64 {
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: logger)
            let newest = try await Self.currentVersion(connection, logger: logger)
            let through = max(newest - Int64(keep), try await Self.compactedThrough(connection, logger: logger))
            try await connection.query("DELETE FROM berth_events WHERE version <= \(through)", logger: logger)
            try await connection.query("""
                INSERT INTO berth_meta(name, value) VALUES ('compacted_through', \(through))
                ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value
                """, logger: logger)
            return through
        }
    }

    public func watch(kind: String, prefix: String, fromVersion version: Int64) async throws -> AsyncThrowingStream<WatchEvent, Error> {
        let compacted = try await client.withConnection { try await Self.compactedThrough($0, logger: self.logger) }
        if version < compacted {
            throw BerthError(.gone, "too old resource version: \(version) (events before \(compacted + 1) were compacted)")
        }
        let client = self.client, logger = self.logger
        return broadcaster.watchStream(from: version, tick: pollInterval) { after, limit in
            try await Self.events(client, kind: kind, prefix: prefix, after: after, limit: limit, logger: logger)
        }
    }

    // MARK: - Inside transactions

    private static func currentVersion(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("SELECT value FROM berth_meta WHERE name = 'version'", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }

    private static func compactedThrough(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("SELECT value FROM berth_meta WHERE name = 'compacted_through'", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        return 0
    }

    private static func events(_ client: PostgresClient, kind: String, prefix: String, after: Int64, limit: Int, logger: Logger) async throws -> [WatchEvent] {
        let end = prefix + "\u{10FFFF}"
        let rows = try await client.query("""
            SELECT version, key, type, created_version, body FROM berth_events
            WHERE kind = \(kind) AND version > \(after) AND (\(prefix) = '' OR (key >= \(prefix) AND key < \(end)))
            ORDER BY version LIMIT \(limit)
            """, logger: logger)
        var events: [WatchEvent] = []
        for try await (version, key, type, created, body) in rows.decode((Int64, String, String, Int64, ByteBuffer).self) {
            events.append(WatchEvent(
                type: WatchEvent.EventType(rawValue: type) ?? .modified,
                object: StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: created, body: Data(buffer: body))
            ))
        }
        return events
    }

    private static func apply(_ operation: StoreOperation, on connection: PostgresConnection, logger: Logger) async throws -> StoredObject {
        let kind = operation.kind, key = operation.key
        var existing: (version: Int64, created: Int64, body: Data)?
        let rows = try await connection.query(
            "SELECT version, created_version, body FROM berth_objects WHERE kind = \(kind) AND key = \(key) FOR UPDATE", logger: logger)
        for try await (version, created, body) in rows.decode((Int64, Int64, ByteBuffer).self) {
            existing = (version, created, Data(buffer: body))
        }
        func checkVersion(_ expected: Int64?) throws {
            guard let existing else { throw BerthError(.notFound, "\(kind) \"\(key)\" not found") }
            if let expected, expected != existing.version {
                throw BerthError(.conflict, "the object has been modified: \(kind) \"\(key)\" is at version \(existing.version), not \(expected); read it again and retry")
            }
        }
        switch operation {
        case .create(_, _, let body, let index):
            if existing != nil { throw BerthError(.alreadyExists, "\(kind) \"\(key)\" already exists") }
            return try await write(connection, kind: kind, key: key, body: body, index: index, type: .added, created: nil, logger: logger)
        case .update(_, _, let body, let index, let expected):
            try checkVersion(expected)
            return try await write(connection, kind: kind, key: key, body: body, index: index, type: .modified, created: existing?.created, logger: logger)
        case .put(_, _, let body, let index):
            return try await write(connection, kind: kind, key: key, body: body, index: index, type: existing == nil ? .added : .modified, created: existing?.created, logger: logger)
        case .delete(_, _, let expected):
            try checkVersion(expected)
            let old = existing!
            let version = try await appendEvent(connection, kind: kind, key: key, type: .deleted, created: old.created, body: old.body, logger: logger)
            try await connection.query("DELETE FROM berth_objects WHERE kind = \(kind) AND key = \(key)", logger: logger)
            try await connection.query("DELETE FROM berth_index WHERE kind = \(kind) AND key = \(key)", logger: logger)
            return StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: old.created, body: old.body)
        }
    }

    private static func write(
        _ connection: PostgresConnection, kind: String, key: String, body: Data, index: [IndexEntry],
        type: WatchEvent.EventType, created: Int64?, logger: Logger
    ) async throws -> StoredObject {
        for entry in index where entry.unique {
            let rows = try await connection.query("""
                SELECT key FROM berth_index WHERE kind = \(kind) AND field = \(entry.field) AND value = \(entry.value) AND is_unique AND key <> \(key)
                """, logger: logger)
            for try await holder in rows.decode(String.self) {
                throw BerthError(.alreadyExists, "\(entry.field) \"\(entry.value)\" is already used by \(kind) \"\(holder)\"", field: entry.field)
            }
        }
        let version = try await appendEvent(connection, kind: kind, key: key, type: type, created: created ?? 0, body: body, logger: logger)
        let createdVersion = created ?? version
        if created == nil {
            try await connection.query("UPDATE berth_events SET created_version = \(version) WHERE version = \(version)", logger: logger)
        }
        let bytes = ByteBuffer(bytes: body)
        try await connection.query("""
            INSERT INTO berth_objects(kind, key, version, created_version, body) VALUES (\(kind), \(key), \(version), \(createdVersion), \(bytes))
            ON CONFLICT (kind, key) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body
            """, logger: logger)
        try await connection.query("DELETE FROM berth_index WHERE kind = \(kind) AND key = \(key)", logger: logger)
        for entry in Set(index) {
            try await connection.query("""
                INSERT INTO berth_index(kind, key, field, value, is_unique) VALUES (\(kind), \(key), \(entry.field), \(entry.value), \(entry.unique))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        return StoredObject(kind: kind, key: key, resourceVersion: version, createdVersion: createdVersion, body: body)
    }

    private static func appendEvent(
        _ connection: PostgresConnection, kind: String, key: String, type: WatchEvent.EventType, created: Int64, body: Data, logger: Logger
    ) async throws -> Int64 {
        let bytes = ByteBuffer(bytes: body)
        let rows = try await connection.query("UPDATE berth_meta SET value = value + 1 WHERE name = 'version' RETURNING value", logger: logger)
        var next: Int64?
        for try await value in rows.decode(Int64.self) { next = value }
        guard let version = next else { throw BerthError.internalError("the PostgreSQL store has no version counter; was it migrated?") }
        try await connection.query("""
            INSERT INTO berth_events(version, kind, key, type, created_version, body)
            VALUES (\(version), \(kind), \(key), \(type.rawValue), \(created), \(bytes))
            """, logger: logger)
        return version
    }

    /// Errors from the server that mean something to callers.
    static func translate(_ error: any Error) -> any Error {
        if let error = error as? BerthError { return error }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            if state == "23505" { return BerthError(.alreadyExists, "a unique value is already used: \(error.serverInfo?[.message] ?? "")") }
            return BerthError(.unavailable, "PostgreSQL error \(state): \(error.serverInfo?[.message] ?? "")")
        }
        return BerthError(.unavailable, "PostgreSQL is not reachable: \(String(describing: error))")
    }
}
