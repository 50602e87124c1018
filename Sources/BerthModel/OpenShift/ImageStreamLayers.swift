/// Every blob the images of a stream reference, for registries deciding what a pull may read.
public struct ImageStreamLayers: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var blobs: [String: ImageLayerData]
    @Defaulted public var images: [String: ImageBlobReferences]

    public init() {}
}
