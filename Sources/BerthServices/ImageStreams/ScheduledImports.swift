import Synchronization

/// The last scheduled-import time per stream, shared by the passes of one process.
final class ScheduledImports: Sendable {
    private let times = Mutex<[String: ContinuousClock.Instant]>([:])

    func snapshot() -> [String: ContinuousClock.Instant] { times.withLock { $0 } }

    func replace(_ value: [String: ContinuousClock.Instant]) { times.withLock { $0 = value } }
}
