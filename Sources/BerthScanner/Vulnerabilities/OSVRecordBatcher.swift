/// Collects decoded records and hands them on in fixed-size batches, so the
/// loader's memory is bounded by one batch however large the feed is.
struct OSVRecordBatcher {
    let batchSize: Int
    let deliver: @Sendable ([OSVRecord]) async throws -> Void
    private var pending: [OSVRecord] = []
    private(set) var delivered = 0

    init(batchSize: Int, deliver: @escaping @Sendable ([OSVRecord]) async throws -> Void) {
        self.batchSize = batchSize
        self.deliver = deliver
        pending.reserveCapacity(batchSize)
    }

    mutating func append(_ record: OSVRecord) async throws {
        pending.append(record)
        if pending.count >= batchSize { try await flush() }
    }

    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        try Task.checkCancellation()
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        delivered += batch.count
        try await deliver(batch)
    }
}
