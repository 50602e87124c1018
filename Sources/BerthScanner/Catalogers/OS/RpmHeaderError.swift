/// Why one RPM header blob could not be read. Carried as text, because the
/// only consumer is the scan's partial-data note, where a person reads it.
struct RpmHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}
