/// One child of a manifest list, as `Image.dockerImageManifests[]` lists it.
public struct ImageManifestReference: Codable, Sendable, Equatable {
    @Defaulted public var digest: String
    @Defaulted public var mediaType: String
    @Defaulted public var manifestSize: Int64
    @Defaulted public var architecture: String
    @Defaulted public var os: String
    public var variant: String?

    public init(digest: String, mediaType: String, manifestSize: Int64, architecture: String, os: String, variant: String?) {
        self.digest = digest
        self.mediaType = mediaType
        self.manifestSize = manifestSize
        self.architecture = architecture
        self.os = os
        self.variant = variant
    }
}
