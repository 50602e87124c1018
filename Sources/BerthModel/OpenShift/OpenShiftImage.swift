/// `image.openshift.io/v1` Image: the OpenShift view of one catalogue image, named by its
/// manifest digest. (Named apart from the StackRox-shaped ``Image`` it is a view of.)
public struct OpenShiftImage: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    public var dockerImageReference: String?
    public var dockerImageMetadata: JSONValue?
    public var dockerImageMetadataVersion: String?
    public var dockerImageManifest: String?
    public var dockerImageLayers: [OpenShiftImageLayer]?
    public var signatures: [ImageSignature]?
    public var dockerImageSignatures: [String]?
    public var dockerImageManifestMediaType: String?
    public var dockerImageConfig: String?
    public var dockerImageManifests: [ImageManifestReference]?

    public init() {}
}

extension OpenShiftImage: ProtoDefault {
    public static var protoDefault: OpenShiftImage { OpenShiftImage() }
}
