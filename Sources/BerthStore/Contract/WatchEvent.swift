/// A change seen by a watch, in the order the store committed it.
public struct WatchEvent: Sendable, Equatable {
    public enum EventType: String, Sendable, Equatable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    public var type: EventType
    /// For a deletion: the object as it was, with the deletion's version.
    public var object: StoredObject

    public init(type: EventType, object: StoredObject) {
        self.type = type
        self.object = object
    }
}
