import BerthModel
import BerthStore
import Foundation

/// Opens the store a configuration names, creating the data directory for SQLite.
public enum StoreOpener {
    public static func open(_ location: DatabaseLocation) async throws -> any ObjectStore {
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            return try SQLiteObjectStore(path: path)
        case .postgres(let url):
            return try await PostgresObjectStore(configuration: try PostgresURL.configuration(url))
        }
    }
}
