import Foundation

/// Which image a name resolved to, and when: a repeated scan within the TTL is answered from
/// the catalogue without asking the registry again (StackRox's metadata cache).
actor ScanCache {
    private var entries: [String: (id: String, at: Date)] = [:]
    private let ttl: TimeInterval

    init(ttl: TimeInterval) {
        self.ttl = ttl
    }

    func lookup(_ name: String) -> String? {
        guard let entry = entries[name], Date().timeIntervalSince(entry.at) < ttl else { return nil }
        return entry.id
    }

    func remember(_ name: String, id: String) {
        entries[name] = (id, Date())
    }

    func removeAll() {
        entries.removeAll()
    }
}
