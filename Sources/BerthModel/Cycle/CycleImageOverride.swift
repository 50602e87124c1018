/// Per-image replacements for the source's target or tarball.
public struct CycleImageOverride: Codable, Sendable, Equatable {
    public var target: String?
    public var targzUrl: String?

    enum CodingKeys: String, CodingKey {
        case target
        case targzUrl = "targz_url"
    }

    public init(target: String?, targzUrl: String?) {
        self.target = target
        self.targzUrl = targzUrl
    }
}
