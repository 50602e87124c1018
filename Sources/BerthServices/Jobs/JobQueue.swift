import BerthModel
import BerthStore
import Foundation

/// The persisted queue: enqueue, claim, renew, finish, wait — all on the object store, so
/// the same code is correct for one SQLite process and for replicas sharing PostgreSQL.
///
/// Every transition is a compare-and-swap on the job's resource version; a worker that loses
/// a race simply moves on. At most one active job per dedupe key is held by a unique index
/// entry that only active jobs carry.
public struct JobQueue: Sendable {
    static let kind = "job"
    let store: any ObjectStore
    public let configuration: JobQueueConfiguration
    /// Who holds a lease: one id per process, so a restarted process does not mistake its
    /// predecessor's claims for its own.
    public let owner: String

    public init(store: any ObjectStore, configuration: JobQueueConfiguration = JobQueueConfiguration(), owner: String = UUID().uuidString.lowercased()) {
        self.store = store
        self.configuration = configuration
        self.owner = owner
    }

    // MARK: Producing

    /// Queues a job, or returns the active job with the same dedupe key.
    public func enqueue(type: String, payload: JSONValue, dedupeKey: String? = nil) async throws -> Job {
        while true {
            let job = Job(id: JobID.make(), type: type, payload: payload, dedupeKey: dedupeKey, maxAttempts: configuration.maxAttempts, createdAt: Date())
            do {
                try await store.create(kind: Self.kind, key: job.id, body: try StoreCoding.encode(job), index: Self.index(job))
                return job
            } catch let error as BerthError where error.code == .alreadyExists && dedupeKey != nil {
                let active = try await store.list(kind: Self.kind, query: ListQuery(filters: [IndexFilter("active", equals: dedupeKey!)], limit: 1))
                if let object = active.items.first {
                    return try StoreCoding.decode(Job.self, from: object.body)
                }
                // The active job finished between our create and our list: try again.
            }
        }
    }

    public func get(id: String) async throws -> Job? {
        try await store.getValue(Job.self, kind: Self.kind, key: id)?.0
    }

    /// Waits until the job is finished and returns it; `timeout` bounds the wait, not the job.
    public func wait(id: String, timeout: Duration = .seconds(600)) async throws -> Job {
        try await withThrowingTaskGroup(of: Job?.self) { group in
            group.addTask { try await waitUntilFinished(id: id) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let job = try await group.next() ?? nil else {
                throw BerthError(.deadlineExceeded, "job \(id) did not finish within \(timeout); it keeps running and can be asked for again")
            }
            return job
        }
    }

    private func waitUntilFinished(id: String) async throws -> Job {
        guard let (job, object) = try await store.getValue(Job.self, kind: Self.kind, key: id) else {
            throw BerthError.notFound("job \(id) does not exist")
        }
        if job.state.isTerminal { return job }
        for try await event in try await store.watch(kind: Self.kind, prefix: id, fromVersion: object.resourceVersion) {
            guard event.object.key == id else { continue }
            if event.type == .deleted { throw BerthError.notFound("job \(id) was removed before it finished") }
            let job = try StoreCoding.decode(Job.self, from: event.object.body)
            if job.state.isTerminal { return job }
        }
        throw BerthError(.unavailable, "the store stopped delivering events while waiting for job \(id)")
    }

    /// Runs `work` as a job of `type` and returns its result: the shape a synchronous API
    /// endpoint wants when the work itself must survive the request.
    public func run(type: String, payload: JSONValue, dedupeKey: String?, timeout: Duration = .seconds(600)) async throws -> JSONValue {
        let job = try await enqueue(type: type, payload: payload, dedupeKey: dedupeKey)
        let finished = try await wait(id: job.id, timeout: timeout)
        if let failure = finished.failure { throw failure.error }
        return finished.result ?? .null
    }

    // MARK: Consuming

    /// Claims the oldest claimable job of one of `types`: queued, or running under a lease
    /// that has run out (its worker died).
    func claim(types: Set<String>, now: Date = Date()) async throws -> (Job, Int64)? {
        var after: String?
        repeat {
            let page = try await store.list(kind: Self.kind, query: ListQuery(
                filters: [IndexFilter("state", [JobState.queued.rawValue, JobState.running.rawValue])], limit: 100, continueAfter: after))
            for object in page.items {
                var job = try StoreCoding.decode(Job.self, from: object.body)
                guard types.contains(job.type) else { continue }
                if job.state == .running, let expiry = job.leaseExpiresAt, expiry > now { continue }
                if job.attempts >= job.maxAttempts {
                    job.state = .failed
                    job.finishedAt = now
                    job.failure = JobFailure(code: BerthError.Code.internalError.rawValue,
                                             message: "job \(job.id) was abandoned by its worker \(job.attempts) times; giving up")
                    _ = try? await store.update(kind: Self.kind, key: job.id, body: StoreCoding.encode(job), index: Self.index(job), expectedVersion: object.resourceVersion)
                    continue
                }
                job.state = .running
                job.attempts += 1
                job.startedAt = now
                job.leaseOwner = owner
                job.leaseExpiresAt = now.addingTimeInterval(configuration.lease.seconds)
                do {
                    let updated = try await store.update(kind: Self.kind, key: job.id, body: StoreCoding.encode(job), index: Self.index(job), expectedVersion: object.resourceVersion)
                    return (job, updated.resourceVersion)
                } catch let error as BerthError where error.code == .conflict || error.code == .notFound {
                    continue
                }
            }
            after = page.continueKey
        } while after != nil
        return nil
    }

    /// Extends our lease; returns the new version, or nil when the job is no longer ours.
    func renew(_ job: Job, version: Int64) async throws -> Int64? {
        var job = job
        job.leaseExpiresAt = Date().addingTimeInterval(configuration.lease.seconds)
        do {
            return try await store.update(kind: Self.kind, key: job.id, body: StoreCoding.encode(job), index: Self.index(job), expectedVersion: version).resourceVersion
        } catch let error as BerthError where error.code == .conflict || error.code == .notFound {
            return nil
        }
    }

    /// Records the outcome if we still hold the job; a worker that lost its lease drops it.
    func finish(_ job: Job, version: Int64, result: Result<JSONValue, any Error>) async throws {
        var job = job
        job.finishedAt = Date()
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        switch result {
        case .success(let value):
            job.state = .succeeded
            job.result = value
        case .failure(let error):
            job.state = .failed
            job.failure = JobFailure(error)
        }
        do {
            try await store.update(kind: Self.kind, key: job.id, body: StoreCoding.encode(job), index: Self.index(job), expectedVersion: version)
        } catch let error as BerthError where error.code == .conflict || error.code == .notFound {}
    }

    /// Deletes finished jobs older than the retention; returns how many.
    @discardableResult
    public func purgeFinished(now: Date = Date()) async throws -> Int {
        let cutoff = now.addingTimeInterval(-configuration.retention.seconds)
        let finished = try await store.list(kind: Self.kind, query: ListQuery(
            filters: [IndexFilter("state", [JobState.succeeded.rawValue, JobState.failed.rawValue])], limit: 500))
        var deletions: [StoreOperation] = []
        for object in finished.items {
            let job = try StoreCoding.decode(Job.self, from: object.body)
            if let at = job.finishedAt, at < cutoff {
                deletions.append(.delete(kind: Self.kind, key: job.id, expectedVersion: object.resourceVersion))
            }
        }
        guard !deletions.isEmpty else { return 0 }
        do {
            try await store.commit(deletions)
        } catch let error as BerthError where error.code == .conflict || error.code == .notFound {
            return 0
        }
        return deletions.count
    }

    static func index(_ job: Job) -> [IndexEntry] {
        var entries = [IndexEntry("state", job.state.rawValue), IndexEntry("type", job.type)]
        if let key = job.dedupeKey, !job.state.isTerminal {
            entries.append(IndexEntry("active", key, unique: true))
        }
        return entries
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
