/// An image source as the store holds it: the public view, and each credential sealed under
/// the JSON pointer it came from (`/origin/details/token`), so a PATCH that leaves one out
/// keeps it and no view can include it by accident.
public struct StoredImageSource: Codable, Sendable, Equatable {
    public var source: ImageSource
    public var sealedSecrets: [String: String]
    /// The job deleting this source, so a second DELETE answers the same job.
    public var deleteJobID: String?

    public init(source: ImageSource, sealedSecrets: [String: String], deleteJobID: String? = nil) {
        self.source = source
        self.sealedSecrets = sealedSecrets
        self.deleteJobID = deleteJobID
    }
}
