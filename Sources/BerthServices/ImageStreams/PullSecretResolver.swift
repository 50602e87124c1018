import BerthModel
import BerthReference
import BerthRegistry
import Foundation

/// Registry credentials from a namespace's pull secrets (`kubernetes.io/dockerconfigjson` and
/// `kubernetes.io/dockercfg`), matched against the image's registry and path the way the
/// Docker keyring does: the most specific entry first.
struct PullSecretResolver: Sendable {
    let secrets: SecretEndpoint

    func access(namespace: String, for reference: ImageReference) async throws -> [RegistryAccess] {
        var matches: [(Int, RegistryAccess)] = []
        for secret in try await secrets.pullSecrets(namespace: namespace) {
            for (entryKey, username, password) in Self.entries(secret) {
                guard let specificity = Self.specificity(entryKey, reference: reference) else { continue }
                guard let endpoint = try? RegistryEndpoint.parse(RegistryAccessResolver.apiHost(reference.registry),
                                                                 insecure: RegistryAccessResolver.isLoopback(reference.registry)) else { continue }
                var source = DataSource()
                source.name = "secret \(namespace)/\(secret.metadata.name ?? "")"
                matches.append((specificity, RegistryAccess(endpoint: endpoint, credentials: .basic(username: username, password: password), dataSource: source)))
            }
        }
        return matches.sorted { $0.0 > $1.0 }.map(\.1)
    }

    /// `(registry key, username, password)` of every entry of a pull secret.
    static func entries(_ secret: Secret) -> [(String, String, String)] {
        let data = secret.data ?? [:]
        let auths: [String: JSONValue]
        if let text = data[".dockerconfigjson"], let bytes = Data(base64Encoded: text),
           let document = try? JSONDecoder().decode(JSONValue.self, from: bytes), let object = document["auths"]?.objectValue {
            auths = object
        } else if let text = data[".dockercfg"], let bytes = Data(base64Encoded: text),
                  let object = (try? JSONDecoder().decode(JSONValue.self, from: bytes))?.objectValue {
            auths = object
        } else {
            return []
        }
        return auths.compactMap { key, entry in
            if let user = entry["username"]?.stringValue, let password = entry["password"]?.stringValue { return (key, user, password) }
            guard let auth = entry["auth"]?.stringValue, let decoded = Data(base64Encoded: auth).map({ String(decoding: $0, as: UTF8.self) }),
                  let colon = decoded.firstIndex(of: ":") else { return nil }
            return (key, String(decoded[..<colon]), String(decoded[decoded.index(after: colon)...]))
        }
    }

    /// How well a keyring entry names this image: nil for no match, longer paths rank higher.
    static func specificity(_ entry: String, reference: ImageReference) -> Int? {
        var key = entry
        for scheme in ["https://", "http://"] where key.hasPrefix(scheme) { key.removeFirst(scheme.count) }
        if key.hasSuffix("/v1/") { key.removeLast(4) }
        while key.hasSuffix("/") { key.removeLast() }
        let host = String(key.prefix { $0 != "/" })
        let path = key.count > host.count ? String(key.dropFirst(host.count + 1)) : ""
        let hosts: Set<String> = reference.registry == "docker.io" ? ["docker.io", "index.docker.io", "registry-1.docker.io"] : [reference.registry]
        guard hosts.contains(host.lowercased()) else { return nil }
        if path.isEmpty { return host.count }
        guard reference.repository == path || reference.repository.hasPrefix(path + "/") else { return nil }
        return host.count + path.count
    }
}
