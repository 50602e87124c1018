import Testing
import BerthStore
import Foundation
import PostgresNIO

/// The backends the shared contract suite runs against; every test runs against each,
/// unchanged. PostgreSQL runs when `BERTH_TEST_POSTGRES_URL` names a server (the test
/// script starts one); each test gets a schema of its own so tests can run in parallel.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["BERTH_TEST_POSTGRES_URL"] }

    /// The backends this machine can run: PostgreSQL is required when the test script set
    /// `BERTH_REQUIRE_PEERS=1`, skipped (not silently passed) otherwise.
    static var available: [StoreBackend] {
        let required = ProcessInfo.processInfo.environment["BERTH_REQUIRE_PEERS"] == "1"
        return postgresURL != nil || required ? allCases : [.sqlite]
    }

    func makeStore() async throws -> any ObjectStore {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("berth-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return try SQLiteObjectStore(path: dir.appendingPathComponent("berth.sqlite").path, pollInterval: .milliseconds(200))
        case .postgres:
            guard let url = Self.postgresURL else { throw PostgresUnavailable() }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = PostgresClient(configuration: try PostgresURL.configuration(url))
            let task = Task { await admin.run() }
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"))
            task.cancel()
            var configuration = try PostgresURL.configuration(url)
            configuration.options.additionalStartupParameters = [("search_path", schema)]
            return try await PostgresObjectStore(configuration: configuration, pollInterval: .milliseconds(200))
        }
    }

    struct PostgresUnavailable: Error, CustomStringConvertible {
        var description: String { "BERTH_TEST_POSTGRES_URL is not set: run the suite with scripts/test.sh" }
    }
}
