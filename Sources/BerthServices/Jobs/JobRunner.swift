import BerthModel
import BerthStore
import Foundation
import Logging

/// Runs claimed jobs with bounded concurrency (`--scan-concurrency`).
///
/// It wakes on store events for the job kind (a job queued here or, with a shared database,
/// by another replica), when a slot frees, and on a poll interval that also finds jobs whose
/// worker died. It only claims jobs of the types it has handlers for.
public actor JobRunner {
    private let queue: JobQueue
    private let concurrency: Int
    private let logger: Logger
    private let handlers: [String: JobHandler]
    private var busy = 0
    private var wake: AsyncStream<Void>.Continuation?

    public init(queue: JobQueue, concurrency: Int, handlers: [String: JobHandler], logger: Logger = Logger(label: "berth.jobs")) {
        self.queue = queue
        self.concurrency = max(1, concurrency)
        self.handlers = handlers
        self.logger = logger
    }

    /// Runs until cancelled; jobs in flight at cancellation keep their lease until it runs
    /// out and are then claimed again, by this process after a restart or by another replica.
    public func run() async throws {
        let (ticks, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        wake = continuation
        let queue = self.queue
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let version = try await queue.store.currentVersion()
                for try await _ in try await queue.store.watch(kind: JobQueue.kind, prefix: "", fromVersion: version) {
                    continuation.yield()
                }
            }
            group.addTask {
                var sweeps = 0
                while !Task.isCancelled {
                    try await Task.sleep(for: queue.configuration.pollInterval)
                    continuation.yield()
                    sweeps += 1
                    if sweeps % 60 == 0 { _ = try? await queue.purgeFinished() }
                }
            }
            group.addTask { [self] in
                continuation.yield()
                for await _ in ticks {
                    if Task.isCancelled { break }
                    await self.dispatch()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Claims jobs while there are free slots.
    private func dispatch() async {
        let types = Set(handlers.keys)
        guard !types.isEmpty else { return }
        while busy < concurrency {
            let claimed: (Job, Int64)?
            do {
                claimed = try await queue.claim(types: types)
            } catch is CancellationError {
                return
            } catch {
                logger.warning("could not claim jobs: \(error)")
                return
            }
            guard let (job, version) = claimed, let handler = handlers[job.type] else { return }
            busy += 1
            Task.detached { [queue, logger] in
                await Self.execute(job, version: version, handler: handler, queue: queue, logger: logger)
                await self.slotFreed()
            }
        }
    }

    private func slotFreed() {
        busy -= 1
        wake?.yield()
    }

    private static func execute(_ job: Job, version: Int64, handler: @escaping JobHandler, queue: JobQueue, logger: Logger) async {
        let versions = LeaseVersion(version)
        let work = Task { try await handler(job) }
        // A renewal that fails for a passing reason (a busy database) is tried again at the
        // next beat; a lost lease (another worker holds the job now) stops the work, so the
        // job is not carried on twice.
        let heartbeat = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: queue.configuration.lease / 3)
                do {
                    guard let renewed = try await queue.renew(job, version: await versions.current) else {
                        logger.warning("job \(job.id) (\(job.type)) lost its lease; stopping it here")
                        work.cancel()
                        return
                    }
                    await versions.set(renewed)
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("job \(job.id): renewing its lease failed, trying again: \(error)")
                }
            }
        }
        let result = await withTaskCancellationHandler { await work.result } onCancel: { work.cancel() }
        heartbeat.cancel()
        _ = await heartbeat.result
        do {
            try await queue.finish(job, version: await versions.current, result: result)
        } catch {
            logger.error("job \(job.id) (\(job.type)) finished but its outcome could not be stored: \(error)")
        }
    }
}
