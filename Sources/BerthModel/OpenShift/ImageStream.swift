/// `image.openshift.io/v1` ImageStream: named tags (spec, the user's intent) and their
/// history (status, newest event first), over images in the shared catalogue.
public struct ImageStream: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var spec: ImageStreamSpec
    @Defaulted public var status: ImageStreamStatus

    public init() {}
}

extension ImageStream: ProtoDefault {
    public static var protoDefault: ImageStream { ImageStream() }
}
