import BerthServices
import Logging
import ServiceLifecycle

/// Re-scans watched images every `interval` (`--watch-interval`), as StackRox's reprocessing
/// loop does, so a watched tag that moves is seen without anyone asking.
struct WatchedImageRescanner: Service {
    let images: ImageService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully { break }
            do {
                let failed = try await images.rescanWatched()
                if failed > 0 { logger.warning("\(failed) watched image(s) could not be re-scanned") }
            } catch {
                logger.warning("watched-image re-scan failed: \(error)")
            }
        }
    }
}
