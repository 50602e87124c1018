import BerthModel
import BerthStore

/// Reads streams straight from the store, for rules that look at other streams (tag
/// resolution) without going through a resource and its strategy.
struct StreamReader: Sendable {
    static let storeKind = "k8s:\(ImageAPI.group):imagestreams"
    let store: any ObjectStore

    func read(_ namespace: String, _ name: String) async throws -> ImageStream? {
        guard let stored = try await store.get(kind: Self.storeKind, key: "\(namespace)/\(name)") else { return nil }
        return try StoreCoding.decode(ImageStream.self, from: stored.body)
    }
}
