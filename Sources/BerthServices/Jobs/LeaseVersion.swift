/// The resource version of a running job as its heartbeat advances it, so the final update
/// compares against the version the last renewal wrote.
actor LeaseVersion {
    private(set) var current: Int64

    init(_ version: Int64) {
        current = version
    }

    func set(_ version: Int64) {
        current = version
    }
}
