import GRDB

/// The SQLite schema, as an ordered list of migrations GRDB applies once each.
///
/// Add a migration; never edit a shipped one: data files in users' hands went through it.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-objects") { db in
            try db.execute(sql: """
                CREATE TABLE objects (
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    created_version INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (kind, key)
                ) WITHOUT ROWID;
                CREATE TABLE object_index (
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    field TEXT NOT NULL,
                    value TEXT NOT NULL,
                    is_unique INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (kind, field, value, key)
                ) WITHOUT ROWID;
                CREATE INDEX object_index_by_object ON object_index(kind, key);
                CREATE UNIQUE INDEX object_index_unique ON object_index(kind, field, value) WHERE is_unique = 1;
                CREATE TABLE events (
                    version INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    type TEXT NOT NULL,
                    created_version INTEGER NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE INDEX events_by_kind ON events(kind, version);
                CREATE TABLE store_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                """)
        }
        return migrator
    }
}
