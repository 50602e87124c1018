import Foundation

/// One object as the store keeps it: an opaque JSON body under a (kind, key) address.
///
/// The store never looks inside `body`; what it may filter on is declared separately as
/// ``IndexEntry`` values, so the same contract serves every dialect's kinds.
public struct StoredObject: Sendable, Equatable {
    public var kind: String
    public var key: String
    /// Bumped by every write anywhere in the store; compare-and-swap updates are checked
    /// against it, and watches resume from it.
    public var resourceVersion: Int64
    /// The version at which this object was created; it survives updates.
    public var createdVersion: Int64
    public var body: Data

    public init(kind: String, key: String, resourceVersion: Int64, createdVersion: Int64, body: Data) {
        self.kind = kind
        self.key = key
        self.resourceVersion = resourceVersion
        self.createdVersion = createdVersion
        self.body = body
    }
}
