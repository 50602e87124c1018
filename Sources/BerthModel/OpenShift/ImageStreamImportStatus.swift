public struct ImageStreamImportStatus: Codable, Sendable, Equatable, ProtoDefault {
    public var `import`: ImageStream?
    public var repository: RepositoryImportStatus?
    public var images: [ImageImportStatus]?

    public init() {}

    public static var protoDefault: ImageStreamImportStatus { ImageStreamImportStatus() }
}
