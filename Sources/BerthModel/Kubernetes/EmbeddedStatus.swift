/// A `metav1.Status` embedded in another object (an import result): no kind or apiVersion,
/// `metadata` always `{}`, as upstream serialises it.
public struct EmbeddedStatus: Codable, Sendable, Equatable {
    public var metadata: [String: String] = [:]
    public var status: String?
    public var message: String?
    public var reason: String?
    public var code: Int?
    public var details: JSONValue?

    public init(status: String? = nil, message: String? = nil, reason: String? = nil, code: Int? = nil, details: JSONValue? = nil) {
        self.status = status
        self.message = message
        self.reason = reason
        self.code = code
        self.details = details
    }

    public static let success = EmbeddedStatus(status: "Success")

    public var isSuccess: Bool { status == "Success" }
}
