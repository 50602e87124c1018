/// One image of a stream's history looked up by digest or digest prefix (`<stream>@<id>`).
public struct ImageStreamImage: Codable, Sendable, Equatable {
    public var apiVersion: String?
    public var kind: String?
    @Defaulted public var metadata: ObjectMeta
    @Defaulted public var image: OpenShiftImage

    public init() {}
}
