/// A span of affected versions described by boundary events.
public struct OSVRange: Sendable, Hashable, Codable {
    public var type: OSVRangeType
    /// Only meaningful for `GIT` ranges.
    public var repo: String?
    /// In any order in the feed; the matcher sorts them by version first, as
    /// the schema's evaluation algorithm requires.
    public var events: [OSVEvent]
    public var databaseSpecific: OSVJSONValue?

    public init(type: OSVRangeType, repo: String? = nil, events: [OSVEvent], databaseSpecific: OSVJSONValue? = nil) {
        self.type = type
        self.repo = repo
        self.events = events
        self.databaseSpecific = databaseSpecific
    }

    private enum CodingKeys: String, CodingKey {
        case type
        case repo
        case events
        case databaseSpecific = "database_specific"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(OSVRangeType.self, forKey: .type)
        repo = try container.decodeIfPresent(String.self, forKey: .repo)
        events = try container.decode([OSVEvent].self, forKey: .events)
        databaseSpecific = try container.decodeIfPresent(OSVJSONValue.self, forKey: .databaseSpecific)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(repo, forKey: .repo)
        try container.encode(events, forKey: .events)
        try container.encodeIfPresent(databaseSpecific, forKey: .databaseSpecific)
    }
}
