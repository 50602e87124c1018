import BerthServices
import Logging
import ServiceLifecycle

/// Asks, every `interval`, for one import-controller pass as a job: deduplicated, so with
/// several replicas on one database a pass runs on one of them at a time.
struct ImportController: Service {
    let jobs: JobQueue
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully { break }
            do {
                _ = try await jobs.run(type: ImageStreamService.reconcileJobType, payload: [:], dedupeKey: ImageStreamService.reconcileJobType)
            } catch {
                logger.warning("image stream import pass failed: \(error)")
            }
        }
    }
}
