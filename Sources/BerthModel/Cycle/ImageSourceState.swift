/// `live`, `deleting` or `deleted`, and when it last changed. Cycle's image-source state has
/// no `desired`, unlike container and node states.
public struct ImageSourceState: Codable, Sendable, Equatable {
    public var current: String
    public var changed: String
    public var error: CycleStateError?

    public init(current: String, changed: String, error: CycleStateError? = nil) {
        self.current = current
        self.changed = changed
        self.error = error
    }
}
