import BerthModel

/// One documented response of an ``APIOperation``; `status` is a code or `default`.
public struct APIResponse: Sendable {
    public var status: String
    public var description: String
    public var schema: JSONValue?
    public var contentType: String

    public init(_ status: String, _ description: String, schema: JSONValue?, contentType: String = "application/json") {
        self.status = status
        self.description = description
        self.schema = schema
        self.contentType = contentType
    }
}
