import BerthModel
import BerthStore
import Foundation

/// Opens the store a configuration names, creating the data directory for SQLite.
public enum StoreOpener {
    public static func open(_ location: DatabaseLocation) throws -> any ObjectStore {
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            return try SQLiteObjectStore(path: path)
        case .postgres:
            throw BerthError(.unimplemented, "the PostgreSQL backend is not built yet; use the default SQLite store (omit --database)")
        }
    }
}
