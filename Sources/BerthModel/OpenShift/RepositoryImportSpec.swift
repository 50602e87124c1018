public struct RepositoryImportSpec: Codable, Sendable, Equatable {
    @Defaulted public var from: ObjectReference
    @Defaulted public var importPolicy: TagImportPolicy
    @Defaulted public var referencePolicy: TagReferencePolicy
    public var includeManifest: Bool?

    public init(from: ObjectReference) {
        self.from = from
    }
}
