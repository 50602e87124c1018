public struct ImageLayerData: Codable, Sendable, Equatable {
    /// null when unknown (config and manifest blobs).
    @Defaulted public var size: Int64?
    @Defaulted public var mediaType: String

    public init(size: Int64?, mediaType: String) {
        self.size = size
        self.mediaType = mediaType
    }
}
