import BerthServices
import ServiceLifecycle

/// Ends the job runner on graceful shutdown. Jobs still running keep their lease in the
/// store and are claimed again once it runs out, so stopping never loses queued work.
struct JobRunnerService: Service {
    let runner: JobRunner

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await runner.run() }
        } catch is CancellationError {}
    }
}
