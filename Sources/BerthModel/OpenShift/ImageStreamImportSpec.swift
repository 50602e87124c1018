public struct ImageStreamImportSpec: Codable, Sendable, Equatable, ProtoDefault {
    @Defaulted public var `import`: Bool
    public var repository: RepositoryImportSpec?
    public var images: [ImageImportSpec]?

    public init() {}

    public static var protoDefault: ImageStreamImportSpec { ImageStreamImportSpec() }
}
