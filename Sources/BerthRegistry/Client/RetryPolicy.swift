/// How often a registry request is tried again. Registries shed load with 429 and 503 and
/// drop connections under pressure; a few tries with growing pauses ride that out, while a
/// refused connection or a 4xx is an answer and is not repeated.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(attempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    func shouldRetry(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    func retriesConnectionErrors(_ error: RegistryError) -> Bool {
        guard case .unreachable(_, let reason) = error else { return false }
        return reason.contains("closed before a full response")
    }

    func delay(attempt: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Int(retryAfter) { return min(.seconds(seconds), maxDelay) }
        return min(baseDelay * (1 << (attempt - 1)), maxDelay)
    }
}
