/// One package in a scan: StackRox's `storage.EmbeddedImageScanComponent`.
public struct EmbeddedImageScanComponent: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var version: String
    @Defaulted public var license: ComponentLicense?
    @Defaulted public var vulns: [EmbeddedVulnerability]
    /// A protobuf oneof: omitted while unset.
    public var layerIndex: Int32?
    /// int64 as a string.
    @Defaulted public var priority: String
    /// `StorageSourceType`: OS, PYTHON, JAVA, RUBY, NODEJS, GO, DOTNETCORERUNTIME, INFRASTRUCTURE.
    @Defaulted public var source: String
    @Defaulted public var location: String
    /// A protobuf oneof: omitted when the component has no vulnerability.
    public var topCvss: Double?
    @Defaulted public var riskScore: Double
    /// The version that fixes every fixable vulnerability of the component.
    @Defaulted public var fixedBy: String
    @Defaulted public var executables: [ComponentExecutable]

    public init() {}
}
