import BerthScanner
import Foundation

/// Counts what an import delivered, batch by batch, without keeping the records.
actor ImportTally {
    private(set) var withdrawn = 0
    private(set) var newest: Date?

    func add(_ records: [OSVRecord]) {
        for record in records {
            if record.isWithdrawn { withdrawn += 1 }
            if newest.map({ record.modified > $0 }) ?? true { newest = record.modified }
        }
    }
}
