import Synchronization

/// Wakes every waiting watch when the store commits, so an in-process watcher sees a change
/// at once instead of at its next poll.
///
/// Each watcher has a buffer of one pending wake-up: a burst of commits wakes it once, and it
/// then reads every event since its last version in one query.
public final class VersionBroadcaster: Sendable {
    private let waiters = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// A stream that yields once at once, after every commit, and every `tick` besides (so a
    /// watcher also sees writes made by other processes); it ends when its consumer is cancelled.
    public func subscribe(tick: Duration) -> AsyncStream<Void> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        waiters.withLock { $0[id] = continuation }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                continuation.yield()
            }
        }
        continuation.onTermination = { [weak self] _ in
            ticker.cancel()
            _ = self?.waiters.withLock { $0.removeValue(forKey: id) }
        }
        continuation.yield()
        return stream
    }

    public func notify() {
        let current = waiters.withLock { Array($0.values) }
        for continuation in current { continuation.yield() }
    }

    /// The watch loop both stores share: on every wake-up, read the events after the last
    /// one delivered, in batches of `batch`, until a short batch says it is caught up.
    public func watchStream(
        from version: Int64, tick: Duration, batch: Int = 1000,
        read: @escaping @Sendable (_ after: Int64, _ limit: Int) async throws -> [WatchEvent]
    ) -> AsyncThrowingStream<WatchEvent, Error> {
        let wakeups = subscribe(tick: tick)
        return AsyncThrowingStream { continuation in
            let task = Task {
                var last = version
                do {
                    for await _ in wakeups {
                        var events: [WatchEvent]
                        repeat {
                            events = try await read(last, batch)
                            for event in events {
                                continuation.yield(event)
                                last = event.object.resourceVersion
                            }
                        } while events.count == batch
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
