/// A request to look images up in registries and, with `spec.import`, record them on a stream.
public struct ImageStreamImport: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var spec: ImageStreamImportSpec
    @Defaulted public var status: ImageStreamImportStatus

    public init() {}
}
