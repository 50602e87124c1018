public struct TagImportPolicy: Codable, Sendable, Equatable, ProtoDefault {
    public var insecure: Bool?
    public var scheduled: Bool?
    public var importMode: String?

    public init() {}

    public static var protoDefault: TagImportPolicy { TagImportPolicy() }

    public static let legacy = "Legacy"
    public static let preserveOriginal = "PreserveOriginal"
}
