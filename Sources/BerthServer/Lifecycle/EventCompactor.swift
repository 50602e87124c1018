import BerthStore
import Logging
import ServiceLifecycle

/// Trims the store's event log now and then, so it stays bounded while watches can still
/// resume from any of the newest `retention` versions.
struct EventCompactor: Service {
    let store: any ObjectStore
    let retention: Int
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await store.compactEvents(keep: retention)
            } catch {
                logger.warning("event compaction failed: \(error)")
            }
            // Graceful shutdown does not cancel services; it must end the wait itself.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
