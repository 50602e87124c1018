import BerthScanner
import Synchronization

/// Records every entry the walker offers an analyzer, to prove which members
/// were considered (whiteouts never are) without reading any bodies.
final class WantsSpy: Sendable {
    private let entries = Mutex<[FileEntry]>([])

    func record(_ entry: FileEntry) {
        entries.withLock { $0.append(entry) }
    }

    var seen: [FileEntry] { entries.withLock { $0 } }
}
