import BerthModel

/// A create request the dialect has checked field by field: shapes, required fields and
/// origin rules. The origin still holds its credentials; the service seals them.
public struct ImageSourceDraft: Sendable {
    public var name: String?
    public var identifier: String?
    public var type: String
    public var origin: JSONValue
    public var about: ImageSourceAbout?
    public var builder: JSONValue?
    public var acl: CycleACL?

    public init(name: String?, identifier: String?, type: String, origin: JSONValue, about: ImageSourceAbout?, builder: JSONValue?, acl: CycleACL?) {
        self.name = name
        self.identifier = identifier
        self.type = type
        self.origin = origin
        self.about = about
        self.builder = builder
        self.acl = acl
    }
}
