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
}
