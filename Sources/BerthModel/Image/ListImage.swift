/// The row `GET /v1/images` returns: an image without its scan.
public struct ListImage: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: String
    public var components: Int32?
    public var cves: Int32?
    public var fixableCves: Int32?
    @Defaulted public var created: String?
    @Defaulted public var lastUpdated: String?
    @Defaulted public var priority: String

    public init() {}

    public init(_ image: Image) {
        id = image.id
        name = image.name?.fullName ?? ""
        components = image.components
        cves = image.cves
        fixableCves = image.fixableCves
        created = image.metadata?.v1?.created
        lastUpdated = image.lastUpdated
        priority = image.priority
    }
}
