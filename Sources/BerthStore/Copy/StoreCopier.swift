import BerthModel
import Foundation

/// Copies a whole store into another backend (`berth migrate`): every object's body byte for
/// byte, so sealed secrets stay sealed under the same key, with its index entries. Versions
/// are the target's own; Kubernetes clients relist after a move anyway.
///
/// The target must hold no objects: merging two catalogues is not a copy. A copy that fails
/// part-way removes what it wrote, so the target is left empty, never half-filled.
public struct StoreCopier: Sendable {
    public let source: any ObjectStore
    public let target: any ObjectStore
    public var batchSize = 200

    public init(source: any ObjectStore, target: any ObjectStore) {
        self.source = source
        self.target = target
    }

    /// Objects copied per kind.
    public func copy(progress: @Sendable (String, Int) -> Void = { _, _ in }) async throws -> [String: Int] {
        let existing = try await target.kinds()
        guard existing.isEmpty else {
            throw BerthError(.failedPrecondition, "the target database already holds objects (kinds: \(existing.prefix(5).joined(separator: ", "))); migrate into an empty database")
        }
        var copied: [String: [String]] = [:]
        do {
            for kind in try await source.kinds() {
                var after: String?
                repeat {
                    let page = try await source.list(kind: kind, query: ListQuery(limit: batchSize, continueAfter: after))
                    let entries = try await source.indexEntries(kind: kind, keys: page.items.map(\.key))
                    try await target.commit(page.items.map { .put(kind: kind, key: $0.key, body: $0.body, index: entries[$0.key] ?? []) })
                    copied[kind, default: []] += page.items.map(\.key)
                    progress(kind, copied[kind]?.count ?? 0)
                    after = page.continueKey
                } while after != nil
            }
            try await verify(copied)
        } catch {
            await removeCopied(copied)
            throw error
        }
        return copied.mapValues(\.count)
    }

    /// Every copied object reads back from the target as it was written.
    func verify(_ copied: [String: [String]]) async throws {
        for (kind, keys) in copied {
            let count = try await target.listAll(kind: kind).count
            guard count == keys.count else {
                throw BerthError(.internalError, "after the copy the target holds \(count) objects of kind \(kind), expected \(keys.count)")
            }
        }
    }

    private func removeCopied(_ copied: [String: [String]]) async {
        for (kind, keys) in copied {
            var start = 0
            while start < keys.count {
                let slice = keys[start..<min(keys.count, start + batchSize)]
                _ = try? await target.commit(slice.map { .delete(kind: kind, key: $0, expectedVersion: nil) })
                start += batchSize
            }
        }
    }
}
