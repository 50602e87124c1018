/// A Cycle image: the shell `POST /v1/images` makes from a source, which an import task
/// fills with the digest of the catalogue image it fetched.
public struct CycleImage: Codable, Sendable, Equatable {
    public var id: String
    public var hubId: String
    public var name: String
    public var source: CycleImageSource
    /// `new`, `downloading`, `verifying`, `saving`, `live`, `deleting`, `deleted`…
    public var state: CycleState
    public var events: CycleEvents
    public var creator: CreatorScope
    /// The catalogue digest once imported: the same image `GET /v1/images/{digest}` shows.
    public var digest: String?

    enum CodingKeys: String, CodingKey {
        case id, name, source, state, events, creator, digest
        case hubId = "hub_id"
    }

    public init(id: String, hubId: String, name: String, source: CycleImageSource, state: CycleState, events: CycleEvents, creator: CreatorScope) {
        self.id = id
        self.hubId = hubId
        self.name = name
        self.source = source
        self.state = state
        self.events = events
        self.creator = creator
    }
}
