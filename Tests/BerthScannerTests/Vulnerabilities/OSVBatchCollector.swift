@testable import BerthScanner

/// Receives loader batches from its `@Sendable` callback, recording their
/// sizes so tests can check that loading really is batched.
actor OSVBatchCollector {
    private(set) var batchSizes: [Int] = []
    private(set) var ids: [String] = []
    private(set) var records: [OSVRecord] = []
    private let keepRecords: Bool

    init(keepRecords: Bool = true) {
        self.keepRecords = keepRecords
    }

    func receive(_ batch: [OSVRecord]) {
        batchSizes.append(batch.count)
        ids.append(contentsOf: batch.map(\.id))
        if keepRecords { records.append(contentsOf: batch) }
    }
}
