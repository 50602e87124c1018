public struct ImageImportSpec: Codable, Sendable, Equatable {
    @Defaulted public var from: ObjectReference
    public var to: LocalObjectReference?
    @Defaulted public var importPolicy: TagImportPolicy
    @Defaulted public var referencePolicy: TagReferencePolicy
    public var includeManifest: Bool?

    public init(from: ObjectReference) {
        self.from = from
    }
}

extension ObjectReference: ProtoDefault {
    public static var protoDefault: ObjectReference { ObjectReference() }
}
