/// A multi-platform index (OCI image index or Docker manifest list).
public struct ImageIndex: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?

    /// The child for `platform`; children without a platform (attestations) never match.
    public func child(for platform: Platform) -> Descriptor? {
        manifests.first { descriptor in
            guard let candidate = descriptor.platform else { return false }
            return platform.accepts(candidate)
        }
    }
}
