/// An OCI content descriptor: what a manifest says about a blob or a child manifest.
public struct Descriptor: Codable, Sendable, Equatable {
    public var mediaType: String?
    public var digest: String
    public var size: Int64
    public var platform: Platform?
    public var annotations: [String: String]?
    public var urls: [String]?
    /// Set on referrers: what kind of artifact the manifest is (a sigstore bundle, an SBOM).
    public var artifactType: String?
}
