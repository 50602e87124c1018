/// The outcome for one requested image: a failure is a status here, never a failed request.
public struct ImageImportStatus: Codable, Sendable, Equatable {
    public var status: EmbeddedStatus
    public var image: OpenShiftImage?
    public var tag: String?
    public var manifests: [OpenShiftImage]?

    public init(status: EmbeddedStatus, image: OpenShiftImage? = nil, tag: String? = nil) {
        self.status = status
        self.image = image
        self.tag = tag
    }
}
