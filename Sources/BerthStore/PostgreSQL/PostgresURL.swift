import BerthModel
import Foundation
import PostgresNIO

/// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require&sslrootcert=PATH&pool_size=N]`
/// as a PostgresNIO client configuration: `sslrootcert` trusts a private CA (the usual case
/// for a database inside a platform), `pool_size` caps the connections one replica opens, so
/// replicas × pool stays under the server's `max_connections`. The password never appears
/// in an error.
public enum PostgresURL {
    public static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql",
              let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
        else {
            throw BerthError.invalid("--database must look like postgres://user:password@host:port/database")
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let items = url.queryItems ?? []
        for item in items where !["sslmode", "sslrootcert", "pool_size"].contains(item.name) {
            throw BerthError.invalid("--database option \(item.name) is not supported; use sslmode, sslrootcert, pool_size")
        }
        func option(_ name: String) -> String? { items.first { $0.name == name }?.value }
        var client = TLSConfiguration.makeClientConfiguration()
        if let root = option("sslrootcert") {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw BerthError.invalid("--database sslrootcert \(root) is not a readable PEM file")
            }
            client.trustRoots = .file(root)
        }
        let mode = option("sslmode") ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(client)
        case "require": tls = .require(client)
        default: throw BerthError.invalid("--database sslmode must be disable, prefer or require, got \(mode)")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password,
            database: database.isEmpty ? user : database, tls: tls
        )
        if let text = option("pool_size") {
            guard let size = Int(text), (1...1000).contains(size) else {
                throw BerthError.invalid("--database pool_size must be a whole number from 1 to 1000, got \(text)")
            }
            configuration.options.maximumConnections = size
        }
        return configuration
    }
}
