import BerthModel
import BerthRegistry

/// What the registry told us about one image: the manifest digest that identifies it and the
/// metadata built from its manifest and config.
public struct FetchedImage: Sendable {
    /// The digest the reference resolved to (for a multi-platform tag: the index's digest,
    /// which is what `docker pull` and skopeo report).
    public var digest: String
    public var platformManifestDigest: String
    public var manifest: ImageManifest
    public var metadata: ImageMetadata
    /// The media type of what the reference resolved to (an index or a manifest).
    public var mediaType: String = ""
    /// The platform manifest's media type.
    public var manifestMediaType: String = ""
    public var config: ImageConfig?
    public var configSize: Int = 0
    /// Set when the reference resolved to an index.
    public var index: ImageIndex?
    public var indexSize: Int = 0
}
