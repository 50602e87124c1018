/// Why an rpmdb.sqlite file yielded no package list. The walker records the
/// message as partial scan data, so each case names the file and, for a bad
/// header, the `Packages.hnum` row, which is enough to find it with sqlite3.
public enum RpmDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    case notSQLite(path: String)
    case unreadable(path: String, message: String)
    case missingPackagesTable(path: String)
    case malformedHeader(path: String, record: Int64, reason: String)

    public var description: String {
        switch self {
        case .notSQLite(let path):
            "\(path): not an SQLite database (missing the \"SQLite format 3\" header)"
        case .unreadable(let path, let message):
            "\(path): cannot read the rpm database: \(message)"
        case .missingPackagesTable(let path):
            "\(path): SQLite database has no Packages table, so it is not an rpm database"
        case .malformedHeader(let path, let record, let reason):
            "\(path): malformed rpm header in Packages row \(record): \(reason)"
        }
    }
}
