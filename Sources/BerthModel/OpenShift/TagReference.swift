/// One spec tag. `generation` is the user's intent counter: set to 0 to ask for a re-import,
/// left null to keep the current value. `annotations` and `generation` are always written
/// (null when unset) as upstream does.
public struct TagReference: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var annotations: [String: String]?
    public var from: ObjectReference?
    public var reference: Bool?
    @Defaulted public var generation: Int64?
    @Defaulted public var importPolicy: TagImportPolicy
    @Defaulted public var referencePolicy: TagReferencePolicy

    public init(name: String) {
        self.name = name
    }
}
