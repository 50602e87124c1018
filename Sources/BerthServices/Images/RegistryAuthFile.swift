import BerthModel
import Foundation

/// A docker `config.json` / podman `auth.json` (`--registry-auth-file`): `auths` keyed by
/// registry host, each with a base64 `user:password` or separate fields.
public struct RegistryAuthFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public var username: String
        public var password: String
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    public static func load(path: String) throws -> RegistryAuthFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BerthError.invalid("registry auth file \(path) cannot be read")
        }
        struct File: Decodable {
            struct Auth: Decodable {
                var auth: String?
                var username: String?
                var password: String?
            }
            var auths: [String: Auth]?
        }
        guard let file = try? JSONDecoder().decode(File.self, from: data) else {
            throw BerthError.invalid("registry auth file \(path) is not a docker config.json / auth.json")
        }
        var entries: [String: Entry] = [:]
        for (key, auth) in file.auths ?? [:] {
            var host = key
            for prefix in ["https://", "http://"] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
            host = String(host.split(separator: "/").first ?? "")
            if host == "index.docker.io" || host == "registry-1.docker.io" { host = "docker.io" }
            if let encoded = auth.auth, let decoded = Data(base64Encoded: encoded).map({ String(decoding: $0, as: UTF8.self) }),
               let colon = decoded.firstIndex(of: ":") {
                entries[host] = Entry(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
            } else if let username = auth.username, let password = auth.password {
                entries[host] = Entry(username: username, password: password)
            }
        }
        return RegistryAuthFile(entries: entries)
    }
}
