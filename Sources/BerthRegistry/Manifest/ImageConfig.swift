/// The parts of an image config blob (`application/vnd.oci.image.config.v1+json`) that the
/// catalogue shows. Docker's and OCI's shapes agree on these fields.
public struct ImageConfig: Codable, Sendable, Equatable {
    public struct Config: Codable, Sendable, Equatable {
        public var User: String?
        public var Cmd: [String]?
        public var Entrypoint: [String]?
        public var Env: [String]?
        public var Volumes: [String: EmptyObject]?
        public var Labels: [String: String]?
        public var WorkingDir: String?
    }

    public struct History: Codable, Sendable, Equatable {
        public var created: String?
        public var created_by: String?
        public var author: String?
        public var comment: String?
        public var empty_layer: Bool?
    }

    public struct RootFS: Codable, Sendable, Equatable {
        public var type: String?
        public var diff_ids: [String]?
    }

    public struct EmptyObject: Codable, Sendable, Equatable {}

    public var created: String?
    public var author: String?
    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var config: Config?
    public var history: [History]?
    public var rootfs: RootFS?
}
