/// An OCI content descriptor: what a manifest says about a blob or a child manifest.
public struct Descriptor: Codable, Sendable, Equatable {
    public var mediaType: String?
    public var digest: String
    public var size: Int64
    public var platform: Platform?
    public var annotations: [String: String]?
    public var urls: [String]?
}
