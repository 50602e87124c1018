import Foundation

/// Bearer tokens by (realm, service, scope, identity), kept until shortly before they expire,
/// so a scan of many layers asks the token service once, not once per request.
public actor TokenCache {
    struct Entry {
        var token: String
        var expires: Date
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    public static let shared = TokenCache()

    func token(for key: String) -> String? {
        guard let entry = entries[key] else { return nil }
        if entry.expires <= Date() {
            entries[key] = nil
            return nil
        }
        return entry.token
    }

    /// Tokens live `expiresIn` seconds (60 when the service does not say); we stop using
    /// them 10 seconds early to allow for clock skew and slow requests.
    func store(_ token: String, for key: String, expiresIn: Int?) {
        let lifetime = max(Double(expiresIn ?? 60) - 10, 1)
        entries[key] = Entry(token: token, expires: Date().addingTimeInterval(lifetime))
    }
}
