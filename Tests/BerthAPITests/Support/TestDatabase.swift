import Foundation
import Synchronization

/// Which store the API suites run on. `BERTH_TEST_BACKEND=postgres` (scripts/test.sh's
/// second pass) gives every test server a PostgreSQL database of its own, named after its
/// data directory so a restarted server on the same directory finds its data again.
enum TestDatabase {
    static var backend: String { ProcessInfo.processInfo.environment["BERTH_TEST_BACKEND"] ?? "sqlite" }
    static var onPostgres: Bool { backend == "postgres" }
    private static let created = Mutex<Set<String>>([])

    /// The `--database` value for a server on `dataDirectory`; nil on SQLite (the default
    /// file in the data directory).
    static func url(for dataDirectory: URL) throws -> String? {
        guard onPostgres else { return nil }
        let base = try Peers.value(Peers.postgresURL, "BERTH_TEST_POSTGRES_URL")
        // FNV-1a: stable across runs and processes, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in dataDirectory.standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = "berth_t_" + String(hash, radix: 16)
        let fresh = created.withLock { $0.insert(name).inserted }
        if fresh {
            _ = try TestImages.run("/usr/bin/psql", [base, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"])
        }
        // Many servers live at once in one test process: a small pool each keeps them all
        // under the test cluster's max_connections.
        return base.replacingOccurrences(of: "/berth_test", with: "/\(name)") + "?sslmode=disable&pool_size=4"
    }

    /// Whether `secret` is stored in plain text anywhere in the server's database: the
    /// SQLite file with its WAL, or a dump of the PostgreSQL database (bodies are bytea,
    /// which a dump shows as hex, so both spellings are searched).
    static func contains(_ secret: String, dataDirectory: URL, url: String?) throws -> Bool {
        let needle = Data(secret.utf8)
        if let url {
            let dump = try TestImages.run("/usr/bin/pg_dump", ["--data-only", url.components(separatedBy: "?")[0]])
            let hex = needle.map { String(format: "%02x", $0) }.joined()
            return dump.contains(secret) || dump.lowercased().contains(hex)
        }
        let path = dataDirectory.appendingPathComponent("berth.sqlite").path
        return ["", "-wal", "-shm"].contains { suffix in
            FileManager.default.contents(atPath: path + suffix)?.range(of: needle) != nil
        }
    }

    /// A new, empty PostgreSQL database for a test that starts its own servers on it
    /// (replicas, migrations), whatever the pass.
    static func createPostgres(_ prefix: String) throws -> String {
        let base = try Peers.value(Peers.postgresURL, "BERTH_TEST_POSTGRES_URL")
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        _ = try TestImages.run("/usr/bin/psql", [base, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"])
        return base.replacingOccurrences(of: "/berth_test", with: "/\(name)") + "?sslmode=disable"
    }

    /// One column of a query against a test database, a row per line.
    static func query(_ url: String, _ sql: String) throws -> [String] {
        try TestImages.run("/usr/bin/psql", [url.components(separatedBy: "?")[0], "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .split(separator: "\n").map(String.init)
    }
}
