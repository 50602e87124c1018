/// A Cycle resource's state and when it last changed: an image source is `live`, `deleting`
/// or `deleted`; an image `new`, `downloading`, `building`, `verifying`, `saving`, `live` or
/// `deleting`. Both have the same shape in Cycle's schema and, unlike container and node
/// states, no `desired`.
public struct CycleState: Codable, Sendable, Equatable {
    public var current: String
    public var changed: String
    public var error: CycleStateError?

    public init(current: String, changed: String, error: CycleStateError? = nil) {
        self.current = current
        self.changed = changed
        self.error = error
    }
}
