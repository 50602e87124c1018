/// A single-platform image manifest (OCI or Docker schema 2): one config, ordered layers.
public struct ImageManifest: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [String: String]?
}
