/// A tag's history, newest first: `items[0]` is what the tag points at now.
public struct NamedTagEventList: Codable, Sendable, Equatable {
    @Defaulted public var tag: String
    @Defaulted public var items: [TagEvent]?
    public var conditions: [TagEventCondition]?

    public init(tag: String, items: [TagEvent]? = nil) {
        self.tag = tag
        self.items = items
    }
}
