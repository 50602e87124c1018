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
            // Only the scheme is echoed: the rest of a URL may hold a password.
            let scheme = text.prefix { $0 != ":" }
            throw BerthError.invalid("--database: unknown scheme \"\(scheme)\"; use a file path, sqlite:PATH or postgres://user:password@host:port/db")
        }
        return .sqlite(path: text)
    }
}
