import Logging
import PostgresNIO

/// The PostgreSQL schema, applied idempotently under an advisory lock so replicas starting
/// together do not race. Add statements; never edit shipped ones.
enum PostgresSchema {
    static let statements: [PostgresQuery] = [
        """
        CREATE TABLE IF NOT EXISTS berth_objects (
            kind text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL,
            version bigint NOT NULL, created_version bigint NOT NULL, body bytea NOT NULL,
            PRIMARY KEY (kind, key))
        """,
        """
        CREATE TABLE IF NOT EXISTS berth_index (
            kind text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL,
            field text COLLATE "C" NOT NULL, value text COLLATE "C" NOT NULL, is_unique boolean NOT NULL DEFAULT false,
            PRIMARY KEY (kind, field, value, key))
        """,
        "CREATE INDEX IF NOT EXISTS berth_index_by_object ON berth_index (kind, key)",
        "CREATE UNIQUE INDEX IF NOT EXISTS berth_index_unique ON berth_index (kind, field, value) WHERE is_unique",
        """
        CREATE TABLE IF NOT EXISTS berth_events (
            version bigint PRIMARY KEY, kind text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL,
            type text NOT NULL, created_version bigint NOT NULL, body bytea NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS berth_events_by_kind ON berth_events (kind, version)",
        "CREATE TABLE IF NOT EXISTS berth_meta (name text PRIMARY KEY, value bigint NOT NULL)",
        // The version counter lives in a row, not a sequence: a sequence is not rolled back
        // with a failed transaction, and a failed batch must consume no version.
        "INSERT INTO berth_meta (name, value) VALUES ('version', 0) ON CONFLICT (name) DO NOTHING",
    ]

    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_lock(7365298)", logger: logger)
        do {
            for statement in statements {
                try await connection.query(statement, logger: logger)
            }
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(7365298)", logger: logger)
            throw error
        }
        try await connection.query("SELECT pg_advisory_unlock(7365298)", logger: logger)
    }
}
