import BerthModel
@testable import BerthServices
import BerthStore
import Foundation
import Testing

/// The persisted job queue against a real SQLite store: dedupe, bounds, failures, and work
/// that survives the process that queued it.
@Suite struct JobQueueTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-jobs-\(UUID().uuidString)")

    func openStore() throws -> SQLiteObjectStore {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteObjectStore(path: directory.appendingPathComponent("berth.sqlite").path, pollInterval: .milliseconds(100))
    }

    static func fast(lease: Duration = .seconds(5)) -> JobQueueConfiguration {
        JobQueueConfiguration(lease: lease, pollInterval: .milliseconds(100), retention: .seconds(3600), maxAttempts: 3)
    }

    /// Runs `body` while a runner works the queue.
    func withRunner<T: Sendable>(
        _ queue: JobQueue, concurrency: Int = 2, handlers: [String: JobHandler], _ body: () async throws -> T
    ) async throws -> T {
        let runner = JobRunner(queue: queue, concurrency: concurrency, handlers: handlers)
        let task = Task { try await runner.run() }
        defer { task.cancel() }
        return try await body()
    }

    @Test func aJobRunsAndItsResultIsStored() async throws {
        let queue = JobQueue(store: try openStore(), configuration: Self.fast())
        let result = try await withRunner(queue, handlers: ["echo": { job in JSONValue.object(["got": job.payload]) }]) {
            try await queue.run(type: "echo", payload: .string("hello"), dedupeKey: nil, timeout: .seconds(10))
        }
        #expect(result == .object(["got": .string("hello")]))
    }

    @Test func concurrentRequestsWithOneKeyRunTheWorkOnce() async throws {
        let queue = JobQueue(store: try openStore(), configuration: Self.fast())
        let counter = Counter()
        let handler: JobHandler = { _ in
            await counter.enter()
            try await Task.sleep(for: .milliseconds(300))
            await counter.leave()
            return .string("done")
        }
        let results = try await withRunner(queue, handlers: ["slow": handler]) {
            try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await queue.run(type: "slow", payload: .null, dedupeKey: "same", timeout: .seconds(10)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(results.count == 10)
        #expect(results.allSatisfy { $0 == .string("done") })
        #expect(await counter.total == 1)
    }

    @Test func concurrencyIsBounded() async throws {
        let queue = JobQueue(store: try openStore(), configuration: Self.fast())
        let counter = Counter()
        let handler: JobHandler = { _ in
            await counter.enter()
            // A barrier: each job waits until a second one runs too (or all six have started),
            // so a runner that keeps its bound shows exactly two at once however loaded the
            // machine is, and one that does not shows more.
            let deadline = ContinuousClock.now + .seconds(10)
            while await counter.inside < 2, await counter.total < 6, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(50))
            await counter.leave()
            return .null
        }
        try await withRunner(queue, concurrency: 2, handlers: ["work": handler]) {
            try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for index in 0..<6 {
                    group.addTask { try await queue.run(type: "work", payload: .number(Double(index)), dedupeKey: "job-\(index)", timeout: .seconds(20)) }
                }
                try await group.waitForAll()
            }
        }
        #expect(await counter.total == 6)
        #expect(await counter.peak == 2)
    }

    @Test func aFailureReachesTheWaiterWithItsCode() async throws {
        let queue = JobQueue(store: try openStore(), configuration: Self.fast())
        let handler: JobHandler = { _ in throw BerthError(.unavailable, "registry unreachable: http://127.0.0.1:1/v2/: connection refused") }
        let error = try await withRunner(queue, handlers: ["fail": handler]) {
            await #expect(throws: BerthError.self) {
                try await queue.run(type: "fail", payload: .null, dedupeKey: nil, timeout: .seconds(10))
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("connection refused") == true)
    }

    @Test func queuedWorkSurvivesARestart() async throws {
        // First process: queues and stops before any worker ran.
        let id: String
        do {
            let queue = JobQueue(store: try openStore(), configuration: Self.fast())
            id = try await queue.enqueue(type: "echo", payload: .string("persisted")).id
        }
        // Second process, same database file.
        let queue = JobQueue(store: try openStore(), configuration: Self.fast())
        let job = try await withRunner(queue, handlers: ["echo": { job in job.payload }]) {
            try await queue.wait(id: id, timeout: .seconds(10))
        }
        #expect(job.state == .succeeded)
        #expect(job.result == .string("persisted"))
    }

    @Test func aJobWhoseWorkerDiedIsClaimedAgainAfterItsLease() async throws {
        let store = try openStore()
        let dead = JobQueue(store: store, configuration: Self.fast(lease: .seconds(1)), owner: "dead-worker")
        // The dead worker claims a job and never finishes or renews it: a crash.
        let queued = try await dead.enqueue(type: "echo", payload: .string("again"))
        let claimed = try await dead.claim(types: ["echo"])
        #expect(claimed?.0.id == queued.id)

        // The dead claim expires after 1 s; the live worker holds its own claim long enough for a loaded machine.
        let live = JobQueue(store: store, configuration: Self.fast(lease: .seconds(30)), owner: "live-worker")
        let job = try await withRunner(live, handlers: ["echo": { job in job.payload }]) {
            try await live.wait(id: queued.id, timeout: .seconds(15))
        }
        #expect(job.state == .succeeded)
        #expect(job.result == .string("again"))
        #expect(job.attempts == 2)
    }

    @Test func aJobThatKeepsKillingItsWorkerIsGivenUp() async throws {
        let store = try openStore()
        var configuration = Self.fast(lease: .seconds(1))
        configuration.maxAttempts = 1
        let queue = JobQueue(store: store, configuration: configuration, owner: "first")
        let queued = try await queue.enqueue(type: "poison", payload: .null)
        _ = try await queue.claim(types: ["poison"])

        let second = JobQueue(store: store, configuration: configuration, owner: "second")
        let job = try await withRunner(second, handlers: ["poison": { _ in .null }]) {
            try await second.wait(id: queued.id, timeout: .seconds(15))
        }
        #expect(job.state == .failed)
        #expect(job.failure?.message.contains("abandoned") == true)
    }

    @Test func finishedJobsArePurgedAfterTheRetention() async throws {
        var configuration = Self.fast()
        configuration.retention = .seconds(60)
        let queue = JobQueue(store: try openStore(), configuration: configuration)
        let result = try await withRunner(queue, handlers: ["echo": { job in job.payload }]) {
            try await queue.run(type: "echo", payload: .bool(true), dedupeKey: "k", timeout: .seconds(10))
        }
        #expect(result == .bool(true))
        #expect(try await queue.purgeFinished(now: Date()) == 0)
        #expect(try await queue.purgeFinished(now: Date().addingTimeInterval(120)) == 1)
    }
}

/// Counts entries into a handler and the most that were inside at once.
actor Counter {
    private(set) var total = 0
    private(set) var peak = 0
    private(set) var inside = 0

    func enter() {
        total += 1
        inside += 1
        peak = max(peak, inside)
    }

    func leave() {
        inside -= 1
    }
}
