import BerthModel
import BerthStore
import Foundation
import Testing

/// The store contract, written once and run against every backend.
@Suite("Object store contract")
struct ObjectStoreContractTests {
    func body(_ text: String) -> Data { Data(text.utf8) }

    @Test(arguments: StoreBackend.available)
    func createGetAndVersions(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let start = try await store.currentVersion()
        let a = try await store.create(kind: "thing", key: "a", body: body(#"{"n":1}"#))
        #expect(a.resourceVersion > start)
        #expect(a.createdVersion == a.resourceVersion)
        let b = try await store.create(kind: "thing", key: "b", body: body(#"{"n":2}"#))
        #expect(b.resourceVersion > a.resourceVersion)
        let fetched = try #require(try await store.get(kind: "thing", key: "a"))
        #expect(fetched == a)
        #expect(try await store.get(kind: "thing", key: "missing") == nil)
        #expect(try await store.get(kind: "other", key: "a") == nil)
        #expect(try await store.currentVersion() == b.resourceVersion)
    }

    @Test(arguments: StoreBackend.available)
    func indexCountsCountObjectsPerValue(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "rec", key: "a", body: body("{}"), index: [IndexEntry("eco", "Debian:12"), IndexEntry("eco", "PyPI")])
        try await store.create(kind: "rec", key: "b", body: body("{}"), index: [IndexEntry("eco", "Debian:12")])
        try await store.create(kind: "rec", key: "c", body: body("{}"), index: [IndexEntry("other", "x")])
        try await store.create(kind: "elsewhere", key: "d", body: body("{}"), index: [IndexEntry("eco", "Debian:12")])
        #expect(try await store.indexCounts(kind: "rec", field: "eco") == ["Debian:12": 2, "PyPI": 1])
        try await store.put(kind: "rec", key: "a", body: body("{}"), index: [IndexEntry("eco", "npm")])
        try await store.delete(kind: "rec", key: "b")
        #expect(try await store.indexCounts(kind: "rec", field: "eco") == ["npm": 1])
        #expect(try await store.indexCounts(kind: "rec", field: "missing") == [:])
    }

    @Test(arguments: StoreBackend.available)
    func prefixFiltersMatchTheStartOfIndexValues(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "img", key: "1", body: body("{}"), index: [IndexEntry("cve", "cve-2023-1"), IndexEntry("cve", "cve-2024-9")])
        try await store.create(kind: "img", key: "2", body: body("{}"), index: [IndexEntry("cve", "cve-2023-22")])
        try await store.create(kind: "img", key: "3", body: body("{}"), index: [IndexEntry("cve", "ghsa-x")])
        func keys(_ filter: IndexFilter) async throws -> [String] {
            try await store.listAll(kind: "img", filters: [filter]).map(\.key)
        }
        #expect(try await keys(IndexFilter("cve", prefixes: ["cve-2023-"])) == ["1", "2"])
        #expect(try await keys(IndexFilter("cve", prefixes: ["cve-2024", "ghsa"])) == ["1", "3"])
        #expect(try await keys(IndexFilter("cve", prefixes: [""])) == ["1", "2", "3"])
        #expect(try await keys(IndexFilter("cve", prefixes: ["cve-2023-1"])) == ["1"])
        #expect(try await keys(IndexFilter("cve", prefixes: ["zzz"])) == [])
        #expect(try await keys(IndexFilter("cve", ["cve-2023-1"])) == ["1"])
    }

    @Test(arguments: StoreBackend.available)
    func createTwiceIsAlreadyExists(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "thing", key: "a", body: body("{}"))
        let error = await #expect(throws: BerthError.self) {
            try await store.create(kind: "thing", key: "a", body: body("{}"))
        }
        #expect(error?.code == .alreadyExists)
    }

    @Test(arguments: StoreBackend.available)
    func compareAndSwapUpdate(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let created = try await store.create(kind: "thing", key: "a", body: body("1"))
        let updated = try await store.update(kind: "thing", key: "a", body: body("2"), expectedVersion: created.resourceVersion)
        #expect(updated.resourceVersion > created.resourceVersion)
        #expect(updated.createdVersion == created.createdVersion)
        #expect(try await store.get(kind: "thing", key: "a")?.body == body("2"))

        let stale = await #expect(throws: BerthError.self) {
            try await store.update(kind: "thing", key: "a", body: body("3"), expectedVersion: created.resourceVersion)
        }
        #expect(stale?.code == .conflict)
        #expect(try await store.get(kind: "thing", key: "a")?.body == body("2"), "a failed update changes nothing")

        let missing = await #expect(throws: BerthError.self) {
            try await store.update(kind: "thing", key: "nope", body: body("1"), expectedVersion: nil)
        }
        #expect(missing?.code == .notFound)
        // No expected version: last writer wins.
        try await store.update(kind: "thing", key: "a", body: body("4"), expectedVersion: nil)
        #expect(try await store.get(kind: "thing", key: "a")?.body == body("4"))
    }

    @Test(arguments: StoreBackend.available)
    func deleteWithAndWithoutVersion(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let a = try await store.create(kind: "thing", key: "a", body: body("1"))
        let stale = await #expect(throws: BerthError.self) {
            try await store.delete(kind: "thing", key: "a", expectedVersion: a.resourceVersion - 1)
        }
        #expect(stale?.code == .conflict)
        let deleted = try await store.delete(kind: "thing", key: "a", expectedVersion: a.resourceVersion)
        #expect(deleted.body == body("1"))
        #expect(deleted.resourceVersion > a.resourceVersion)
        #expect(try await store.get(kind: "thing", key: "a") == nil)
        let again = await #expect(throws: BerthError.self) { try await store.delete(kind: "thing", key: "a") }
        #expect(again?.code == .notFound)
        // The key can be used again, and it is a new object.
        let reborn = try await store.create(kind: "thing", key: "a", body: body("2"))
        #expect(reborn.createdVersion > deleted.resourceVersion)
    }

    @Test(arguments: StoreBackend.available)
    func batchIsAllOrNothing(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "thing", key: "taken", body: body("0"))
        let before = try await store.currentVersion()
        await #expect(throws: BerthError.self) {
            try await store.commit([
                .create(kind: "thing", key: "new1", body: body("1"), index: []),
                .put(kind: "other", key: "x", body: body("1"), index: []),
                .create(kind: "thing", key: "taken", body: body("1"), index: []),
            ])
        }
        #expect(try await store.get(kind: "thing", key: "new1") == nil)
        #expect(try await store.get(kind: "other", key: "x") == nil)
        #expect(try await store.currentVersion() == before, "a failed batch consumes no version")

        let results = try await store.commit([
            .create(kind: "thing", key: "new1", body: body("1"), index: []),
            .update(kind: "thing", key: "taken", body: body("2"), index: [], expectedVersion: nil),
            .delete(kind: "thing", key: "new1", expectedVersion: nil),
        ])
        #expect(results.count == 3)
        #expect(results[0].resourceVersion < results[1].resourceVersion)
        #expect(results[1].resourceVersion < results[2].resourceVersion)
        #expect(try await store.get(kind: "thing", key: "new1") == nil)
    }

    @Test(arguments: StoreBackend.available)
    func listWithPrefixLimitAndContinue(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for ns in ["alpha", "beta"] {
            for i in 0..<7 {
                try await store.create(kind: "stream", key: "\(ns)/s\(i)", body: body("\(i)"))
            }
        }
        try await store.create(kind: "other", key: "alpha/zzz", body: body("x"))

        let all = try await store.list(kind: "stream", query: ListQuery())
        #expect(all.items.count == 14)
        #expect(all.items.map(\.key) == all.items.map(\.key).sorted())
        #expect(all.continueKey == nil)
        #expect(all.resourceVersion == (try await store.currentVersion()))

        var keys: [String] = []
        var after: String?
        var pages = 0
        repeat {
            let page = try await store.list(kind: "stream", query: ListQuery(prefix: "alpha/", limit: 3, continueAfter: after))
            #expect(page.items.count <= 3)
            keys += page.items.map(\.key)
            after = page.continueKey
            pages += 1
        } while after != nil
        #expect(pages == 3)
        #expect(keys == (0..<7).map { "alpha/s\($0)" })

        let exact = try await store.list(kind: "stream", query: ListQuery(prefix: "beta/", limit: 7))
        #expect(exact.items.count == 7)
        #expect(exact.continueKey == nil, "no continue key when the page holds the rest exactly")
    }

    @Test(arguments: StoreBackend.available)
    func indexFiltersAndUniqueEntries(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "img", key: "1", body: body("1"), index: [IndexEntry("registry", "quay.io"), IndexEntry("os", "debian")])
        try await store.create(kind: "img", key: "2", body: body("2"), index: [IndexEntry("registry", "docker.io"), IndexEntry("os", "debian")])
        try await store.create(kind: "img", key: "3", body: body("3"), index: [IndexEntry("registry", "quay.io"), IndexEntry("os", "alpine")])

        func keys(_ filters: [IndexFilter]) async throws -> [String] {
            try await store.list(kind: "img", query: ListQuery(filters: filters)).items.map(\.key)
        }
        #expect(try await keys([IndexFilter("registry", equals: "quay.io")]) == ["1", "3"])
        #expect(try await keys([IndexFilter("registry", equals: "quay.io"), IndexFilter("os", equals: "debian")]) == ["1"])
        #expect(try await keys([IndexFilter("os", ["alpine", "debian"])]) == ["1", "2", "3"])
        #expect(try await keys([IndexFilter("os", equals: "rhel")]) == [])

        // Updating replaces the index entries.
        try await store.update(kind: "img", key: "1", body: body("1b"), index: [IndexEntry("registry", "gcr.io")], expectedVersion: nil)
        #expect(try await keys([IndexFilter("registry", equals: "quay.io")]) == ["3"])

        try await store.create(kind: "integration", key: "a", body: body("a"), index: [IndexEntry("name", "prod", unique: true)])
        let dup = await #expect(throws: BerthError.self) {
            try await store.create(kind: "integration", key: "b", body: body("b"), index: [IndexEntry("name", "prod", unique: true)])
        }
        #expect(dup?.code == .alreadyExists)
        // The holder may keep its own name across updates, and another kind is unaffected.
        try await store.update(kind: "integration", key: "a", body: body("a2"), index: [IndexEntry("name", "prod", unique: true)], expectedVersion: nil)
        try await store.create(kind: "other", key: "b", body: body("b"), index: [IndexEntry("name", "prod", unique: true)])
        // Once released, the name is free.
        try await store.delete(kind: "integration", key: "a")
        try await store.create(kind: "integration", key: "b", body: body("b"), index: [IndexEntry("name", "prod", unique: true)])
    }

    @Test(arguments: StoreBackend.available)
    func concurrentCASWritersLoseNoUpdate(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "counter", key: "c", body: body("0"))
        let writers = 8
        let incrementsEach = 25
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<writers {
                group.addTask {
                    var conflicts = 0
                    for _ in 0..<incrementsEach {
                        while true {
                            let current = try #require(try await store.get(kind: "counter", key: "c"))
                            let value = Int(String(decoding: current.body, as: UTF8.self))!
                            do {
                                try await store.update(
                                    kind: "counter", key: "c", body: Data("\(value + 1)".utf8),
                                    expectedVersion: current.resourceVersion
                                )
                                break
                            } catch let error as BerthError where error.code == .conflict {
                                conflicts += 1
                            }
                        }
                    }
                    return conflicts
                }
            }
            for try await _ in group {}
        }
        let final = try #require(try await store.get(kind: "counter", key: "c"))
        #expect(String(decoding: final.body, as: UTF8.self) == "\(writers * incrementsEach)")
    }

    @Test(arguments: StoreBackend.available)
    func watchFromVersionSeesEveryChangeInOrder(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        try await store.create(kind: "stream", key: "ns1/before", body: body("0"))
        let from = try await store.currentVersion()
        let events = try await store.watch(kind: "stream", prefix: "ns1/", fromVersion: from)

        let a = try await store.create(kind: "stream", key: "ns1/a", body: body("1"))
        try await store.create(kind: "stream", key: "ns2/ignored", body: body("x"))
        try await store.create(kind: "unrelated", key: "ns1/a", body: body("x"))
        try await store.update(kind: "stream", key: "ns1/a", body: body("2"), expectedVersion: a.resourceVersion)
        try await store.delete(kind: "stream", key: "ns1/a")

        var seen: [WatchEvent] = []
        for try await event in events {
            seen.append(event)
            if seen.count == 3 { break }
        }
        #expect(seen.map(\.type) == [.added, .modified, .deleted])
        #expect(seen.allSatisfy { $0.object.key == "ns1/a" })
        #expect(seen.map(\.object.resourceVersion) == seen.map(\.object.resourceVersion).sorted())
        #expect(seen[2].object.body == body("2"), "a deletion carries the last state")

        // Resuming from the middle replays only what came after.
        let resumed = try await store.watch(kind: "stream", prefix: "ns1/", fromVersion: seen[0].object.resourceVersion)
        var replay: [WatchEvent.EventType] = []
        for try await event in resumed {
            replay.append(event.type)
            if replay.count == 2 { break }
        }
        #expect(replay == [.modified, .deleted])
    }

    @Test(arguments: StoreBackend.available)
    func compactedVersionsAreGone(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        for i in 0..<10 { try await store.put(kind: "k", key: "\(i)", body: body("\(i)")) }
        let newest = try await store.currentVersion()
        let through = try await store.compactEvents(keep: 3)
        #expect(through == newest - 3)
        let error = await #expect(throws: BerthError.self) {
            _ = try await store.watch(kind: "k", prefix: "", fromVersion: through - 1)
        }
        #expect(error?.code == .gone)
        // From the compaction point on, nothing is lost.
        let events = try await store.watch(kind: "k", prefix: "", fromVersion: through)
        var count = 0
        for try await _ in events {
            count += 1
            if count == 3 { break }
        }
        #expect(count == 3)
        // Versions are never reused after compaction.
        let next = try await store.put(kind: "k", key: "new", body: body("n"))
        #expect(next.resourceVersion == newest + 1)
    }

    /// PostgreSQL text cannot hold NUL; both backends treat such keys the same way.
    @Test(arguments: StoreBackend.available)
    func textWithNULNamesNothing(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        let key = "bad\u{0}key"
        #expect(try await store.get(kind: "thing", key: key) == nil)
        #expect(try await store.list(kind: "thing", query: ListQuery(prefix: key)).items.isEmpty)
        #expect(try await store.list(kind: "thing", query: ListQuery(filters: [IndexFilter("name", equals: key)])).items.isEmpty)
        await #expect { try await store.create(kind: "thing", key: key, body: body("{}")) } throws: { ($0 as? BerthError)?.code == .invalidArgument }
        await #expect { try await store.create(kind: "thing", key: "fine", body: body("{}"), index: [IndexEntry("name", key)]) } throws: { ($0 as? BerthError)?.code == .invalidArgument }
        await #expect { try await store.delete(kind: "thing", key: key) } throws: { ($0 as? BerthError)?.code == .notFound }
        #expect(try await store.get(kind: "thing", key: "fine") == nil, "a refused batch writes nothing")
    }
}
