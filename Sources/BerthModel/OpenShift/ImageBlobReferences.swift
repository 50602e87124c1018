public struct ImageBlobReferences: Codable, Sendable, Equatable {
    @Defaulted public var imageMissing: Bool
    @Defaulted public var layers: [String]?
    @Defaulted public var config: String?
    public var manifests: [String]?

    public init(imageMissing: Bool = false, layers: [String]? = nil, config: String? = nil, manifests: [String]? = nil) {
        self.imageMissing = imageMissing
        self.layers = layers
        self.config = config
        self.manifests = manifests
    }
}
