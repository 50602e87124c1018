/// Stands in for an error the caller's byte stream raises (a digest mismatch).
struct StreamFailure: Error, Sendable, Hashable {
    var reason: String
}
