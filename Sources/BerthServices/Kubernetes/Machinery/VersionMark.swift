import Synchronization

/// The newest version a watch has passed on, shared between the task that forwards changes
/// and the one that sends bookmarks.
final class VersionMark: Sendable {
    private let value: Mutex<Int64>

    init(_ start: Int64) {
        value = Mutex(start)
    }

    func advance(to version: Int64) {
        value.withLock { $0 = max($0, version) }
    }

    var current: Int64 { value.withLock { $0 } }
}
