import BerthModel

/// A checked update. Absent fields stay nil and change nothing; `identifier` given as JSON
/// null re-derives it from the name.
public struct ImageSourcePatch: Sendable {
    public var name: String?
    public var identifier: JSONValue?
    public var origin: JSONValue?
    public var about: ImageSourceAbout?
    public var builder: JSONValue?

    public init(name: String? = nil, identifier: JSONValue? = nil, origin: JSONValue? = nil, about: ImageSourceAbout? = nil, builder: JSONValue? = nil) {
        self.name = name
        self.identifier = identifier
        self.origin = origin
        self.about = about
        self.builder = builder
    }
}
