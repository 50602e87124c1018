import BerthModel

/// One line of a Kubernetes watch stream.
public struct ResourceWatchEvent: Sendable {
    public var type: String
    public var object: JSONValue

    public init(type: String, object: JSONValue) {
        self.type = type
        self.object = object
    }
}
