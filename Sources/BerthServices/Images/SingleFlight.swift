/// Runs one task per key at a time: callers asking for a key already in flight wait for the
/// same result, so a burst of scans of one image fetches it once.
actor SingleFlight<Value: Sendable> {
    private var running: [String: Task<Value, Error>] = [:]

    func run(_ key: String, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = running[key] { return try await task.value }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }
}
