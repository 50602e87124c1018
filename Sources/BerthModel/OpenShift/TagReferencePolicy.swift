public struct TagReferencePolicy: Codable, Sendable, Equatable, ProtoDefault {
    @Defaulted public var type: String

    public init(type: String = "") {
        self.type = type
    }

    public static var protoDefault: TagReferencePolicy { TagReferencePolicy() }

    public static let source = "Source"
    public static let local = "Local"
}
