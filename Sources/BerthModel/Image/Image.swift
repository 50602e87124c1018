/// One image in the catalogue, keyed by manifest digest, in StackRox's `storage.Image` shape.
/// Every dialect shows a view of this one value.
public struct Image: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: ImageName?
    @Defaulted public var names: [ImageName]
    @Defaulted public var metadata: ImageMetadata?
    /// Filled by the scanner; `null` (with the MISSING_SCAN_DATA note) until an image is scanned.
    @Defaulted public var scan: ImageScan?
    @Defaulted public var signatureVerificationData: JSONValue?
    @Defaulted public var signature: JSONValue?
    /// protobuf oneofs: omitted from JSON while unset.
    public var components: Int32?
    public var cves: Int32?
    public var fixableCves: Int32?
    @Defaulted public var lastUpdated: String?
    @Defaulted public var notPullable: Bool
    @Defaulted public var isClusterLocal: Bool
    /// int64, which protojson writes as a string.
    @Defaulted public var priority: String
    @Defaulted public var riskScore: Double
    public var topCvss: Double?
    @Defaulted public var notes: [String]
    /// Berth's own: the OpenShift view's facts. StackRox responses leave it out.
    public var openShift: OpenShiftImageRecord?
    /// Berth's own: which integration verified which signature. StackRox responses leave it out.
    public var verifiedSignatures: [VerifiedSignature]?

    public init() {}
}
