public struct RepositoryImportStatus: Codable, Sendable, Equatable {
    public var status: EmbeddedStatus
    public var images: [ImageImportStatus]?
    public var additionalTags: [String]?

    public init(status: EmbeddedStatus) {
        self.status = status
    }
}
