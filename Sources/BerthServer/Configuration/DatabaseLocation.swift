import BerthModel
import Foundation

/// Where the store lives, parsed from `--database`.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public static func parse(_ text: String?, dataDirectory: URL) throws -> DatabaseLocation {
        guard let text, !text.isEmpty else {
            return .sqlite(path: dataDirectory.appendingPathComponent("berth.sqlite").path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(url: text) }
        if text.hasPrefix("sqlite:") { return .sqlite(path: String(text.dropFirst("sqlite:".count))) }
        if text.contains("://") {
            throw BerthError.invalid("--database \"\(text)\": use a file path, sqlite:PATH or postgres://user:password@host:port/db")
        }
        return .sqlite(path: text)
    }
}
