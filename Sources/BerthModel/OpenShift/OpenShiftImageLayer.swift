public struct OpenShiftImageLayer: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var size: Int64
    @Defaulted public var mediaType: String

    public init(name: String, size: Int64, mediaType: String) {
        self.name = name
        self.size = size
        self.mediaType = mediaType
    }
}
