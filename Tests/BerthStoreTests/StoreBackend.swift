import Testing
import BerthStore
import Foundation

/// The backends the shared contract suite runs against. The PostgreSQL store joins this list
/// when it exists; every test below then runs against it unchanged.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite

    var testDescription: String { rawValue }

    func makeStore() throws -> any ObjectStore {
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("berth-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return try SQLiteObjectStore(path: dir.appendingPathComponent("berth.sqlite").path, pollInterval: .milliseconds(200))
        }
    }
}


