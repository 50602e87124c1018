/// A resource's lifecycle times; unset ones are Go's zero time, as Cycle writes them.
public struct CycleEvents: Codable, Sendable, Equatable {
    public static let zeroTime = "0001-01-01T00:00:00Z"

    public var created: String
    public var updated: String
    public var deleted: String

    public init(created: String, updated: String = CycleEvents.zeroTime, deleted: String = CycleEvents.zeroTime) {
        self.created = created
        self.updated = updated
        self.deleted = deleted
    }
}
