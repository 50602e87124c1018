/// The source an image was made from, as it was when the image was made.
public struct CycleImageSourceDetails: Codable, Sendable, Equatable {
    public var id: String
    public var origin: JSONValue

    public init(id: String, origin: JSONValue) {
        self.id = id
        self.origin = origin
    }
}
