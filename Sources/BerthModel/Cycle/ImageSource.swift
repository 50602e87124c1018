/// A Cycle image source as clients see it: everything but its credentials, which the store
/// keeps sealed beside it (``StoredImageSource``) and no response ever carries.
public struct ImageSource: Codable, Sendable, Equatable {
    public var id: String
    public var identifier: String
    public var name: String
    /// `stack-build`, `direct` or `bucket`.
    public var type: String
    public var hubId: String
    public var about: ImageSourceAbout?
    /// `{type, details}`, with every credential field removed.
    public var origin: JSONValue
    public var builder: JSONValue?
    public var creator: CreatorScope
    public var acl: CycleACL?
    public var state: CycleState
    public var events: CycleEvents

    enum CodingKeys: String, CodingKey {
        case id, identifier, name, type, about, origin, builder, creator, acl, state, events
        case hubId = "hub_id"
    }

    public init(id: String, identifier: String, name: String, type: String, hubId: String, origin: JSONValue, creator: CreatorScope,
                state: CycleState, events: CycleEvents) {
        self.id = id
        self.identifier = identifier
        self.name = name
        self.type = type
        self.hubId = hubId
        self.origin = origin
        self.creator = creator
        self.state = state
        self.events = events
    }

    /// Cycle always sends these keys, `null` when unset, so clients can tell "none" from
    /// "not returned".
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(identifier, forKey: .identifier)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(hubId, forKey: .hubId)
        try container.encode(about ?? ImageSourceAbout(description: nil), forKey: .about)
        try container.encode(origin, forKey: .origin)
        try container.encode(builder ?? .null, forKey: .builder)
        try container.encode(creator, forKey: .creator)
        if let acl { try container.encode(acl, forKey: .acl) } else { try container.encodeNil(forKey: .acl) }
        try container.encode(state, forKey: .state)
        try container.encode(events, forKey: .events)
    }
}
