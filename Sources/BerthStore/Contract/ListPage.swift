/// One page of a list, ordered by key.
public struct ListPage: Sendable, Equatable {
    public var items: [StoredObject]
    /// Set when more items follow; pass it back as ``ListQuery/continueAfter``.
    public var continueKey: String?
    /// The store's version when the page was read: a watch from here misses nothing.
    public var resourceVersion: Int64

    public init(items: [StoredObject], continueKey: String?, resourceVersion: Int64) {
        self.items = items
        self.continueKey = continueKey
        self.resourceVersion = resourceVersion
    }
}
