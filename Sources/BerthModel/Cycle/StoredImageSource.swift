/// An image source as the store holds it: the public view, and each credential sealed under
/// the JSON pointer it came from (`/origin/details/token`), so a PATCH that leaves one out
/// keeps it and no view can include it by accident.
public struct StoredImageSource: Codable, Sendable, Equatable {
    public var source: ImageSource
    public var sealedSecrets: [String: String]

    public init(source: ImageSource, sealedSecrets: [String: String]) {
        self.source = source
        self.sealedSecrets = sealedSecrets
    }
}
