/// Who made a Cycle resource. Berth's callers are API tokens, so the type is `api-key` and
/// the id is derived from the token's name.
public struct CreatorScope: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var type: String

    public init(id: String, type: String) {
        self.id = id
        self.type = type
    }
}
