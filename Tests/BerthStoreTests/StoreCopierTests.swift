import BerthModel
import BerthStore
import Foundation
import Testing

/// `berth migrate`'s engine, between every pair of available backends: bodies, keys and index
/// entries arrive as they were, and a target that is not empty is refused untouched.
@Suite("Store copier")
struct StoreCopierTests {
    static var pairs: [(StoreBackend, StoreBackend)] {
        StoreBackend.available.flatMap { from in StoreBackend.available.map { (from, $0) } }
    }

    @Test(arguments: pairs)
    func aCopyCarriesBodiesAndIndexes(from: StoreBackend, to: StoreBackend) async throws {
        let source = try await from.makeStore()
        let target = try await to.makeStore()
        // More than one page of one kind, a second kind, unique and plain index entries.
        for i in 0..<250 {
            try await source.create(kind: "image", key: String(format: "sha256:%04d", i), body: Data(#"{"n":\#(i)}"#.utf8),
                                    index: [IndexEntry("registry", "reg\(i % 3)"), IndexEntry("name", "app-\(i)", unique: true)])
        }
        try await source.create(kind: "token", key: "hash-1", body: Data([0, 255, 7]), index: [])
        try await source.update(kind: "image", key: "sha256:0001", body: Data(#"{"n":"updated"}"#.utf8),
                                index: [IndexEntry("registry", "reg9")], expectedVersion: nil)
        #expect(try await source.kinds() == ["image", "token"])

        let counts = try await StoreCopier(source: source, target: target).copy()
        #expect(counts == ["image": 250, "token": 1])
        #expect(try await target.kinds() == ["image", "token"])
        let original = try await source.listAll(kind: "image")
        let copied = try await target.listAll(kind: "image")
        #expect(copied.map(\.key) == original.map(\.key))
        #expect(copied.map(\.body) == original.map(\.body))
        #expect(try await target.get(kind: "token", key: "hash-1")?.body == Data([0, 255, 7]), "bodies are copied byte for byte")
        #expect(try await target.indexCounts(kind: "image", field: "registry") == (try await source.indexCounts(kind: "image", field: "registry")))
        #expect(try await target.listAll(kind: "image", filters: [IndexFilter("registry", equals: "reg9")]).map(\.key) == ["sha256:0001"])
        let keys = original.prefix(3).map(\.key)
        #expect(try await target.indexEntries(kind: "image", keys: keys) == (try await source.indexEntries(kind: "image", keys: keys)))
        // Unique entries stay unique in the target.
        await #expect(throws: BerthError.self) {
            try await target.create(kind: "image", key: "sha256:9999", body: Data("{}".utf8), index: [IndexEntry("name", "app-7", unique: true)])
        }

        // A second copy into the now full target is refused and changes nothing there.
        let before = try await target.currentVersion()
        await #expect(throws: BerthError.self) { _ = try await StoreCopier(source: source, target: target).copy() }
        #expect(try await target.currentVersion() == before)
    }
}
