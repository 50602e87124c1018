public struct ImageLookupPolicy: Codable, Sendable, Equatable, ProtoDefault {
    @Defaulted public var local: Bool

    public init(local: Bool = false) {
        self.local = local
    }

    public static var protoDefault: ImageLookupPolicy { ImageLookupPolicy() }
}
