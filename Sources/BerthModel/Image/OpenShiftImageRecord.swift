/// What the OpenShift view of a catalogue image needs that StackRox's shape has no field for:
/// Kubernetes metadata, the pull spec the image was imported by, layer sizes and media types,
/// manifest-list children, signatures. Kept on the one stored image (not in a second kind),
/// so both views always describe the same object.
public struct OpenShiftImageRecord: Codable, Sendable, Equatable {
    public var uid: String
    public var creationTimestamp: String
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var dockerImageReference: String?
    public var dockerImageMetadata: JSONValue?
    public var manifestMediaType: String?
    public var layers: [OpenShiftImageLayer]?
    public var manifests: [ImageManifestReference]?
    public var signatures: [ImageSignature]?

    public init(uid: String, creationTimestamp: String) {
        self.uid = uid
        self.creationTimestamp = creationTimestamp
    }
}
