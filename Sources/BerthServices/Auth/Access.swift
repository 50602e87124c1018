/// What a route needs: a verb on a resource. Every route declares one, and the check happens
/// before its handler runs.
public struct Access: Sendable, Equatable, CustomStringConvertible {
    public enum Resource: String, Sendable {
        case integration = "Integration"
        case image = "Image"
        case watchedImage = "WatchedImage"
        case imageSource = "ImageSource"
        case imageStream = "ImageStream"
        case secret = "Secret"
        case job = "Job"
    }

    public enum Verb: String, Sendable {
        case read = "READ_ACCESS"
        case write = "READ_WRITE_ACCESS"
        /// Ask for an image to be (re)scanned: a write, but one a CI pipeline may do.
        case scan = "SCAN_ACCESS"
    }

    public var resource: Resource
    public var verb: Verb

    public init(_ verb: Verb, _ resource: Resource) {
        self.resource = resource
        self.verb = verb
    }

    public static func read(_ resource: Resource) -> Access { Access(.read, resource) }
    public static func write(_ resource: Resource) -> Access { Access(.write, resource) }

    public var description: String { "\"\(verb.rawValue)\" for \"\(resource.rawValue)\"" }
}
