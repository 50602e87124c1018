/// Tuning for the job queue; the defaults suit one server, tests shorten the lease.
public struct JobQueueConfiguration: Sendable {
    /// How long a claim holds without renewal; a crashed worker's jobs wait this long.
    public var lease: Duration
    /// How often idle workers look for jobs queued by other replicas or freed by lease expiry.
    public var pollInterval: Duration
    /// Finished jobs stay readable this long (for `GET /v1/jobs/{id}` and late waiters).
    public var retention: Duration
    public var maxAttempts: Int

    public init(lease: Duration = .seconds(30), pollInterval: Duration = .seconds(1), retention: Duration = .seconds(3600), maxAttempts: Int = 3) {
        self.lease = lease
        self.pollInterval = pollInterval
        self.retention = retention
        self.maxAttempts = maxAttempts
    }
}
