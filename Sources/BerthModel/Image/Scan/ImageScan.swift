/// What the scanner found in an image: StackRox's `storage.ImageScan`.
public struct ImageScan: Codable, Sendable, Equatable {
    @Defaulted public var scannerVersion: String
    @Defaulted public var scanTime: String?
    @Defaulted public var components: [EmbeddedImageScanComponent]
    @Defaulted public var operatingSystem: String
    @Defaulted public var dataSource: DataSource?
    /// `StorageImageScanNote` names: OS_UNAVAILABLE, PARTIAL_SCAN_DATA, …
    @Defaulted public var notes: [String]
    /// uint64, which protojson writes as a string; a hash of the components, so a client can
    /// tell whether a re-scan changed anything.
    @Defaulted public var hash: String
    /// Berth's own addition (StackRox has no field for it): why the scan is partial, one line
    /// per problem, so PARTIAL_SCAN_DATA can be acted on.
    @Defaulted public var berthProblems: [String]

    public init() {}
}
