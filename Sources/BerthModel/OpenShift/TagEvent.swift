public struct TagEvent: Codable, Sendable, Equatable {
    @Defaulted public var created: String?
    @Defaulted public var dockerImageReference: String
    @Defaulted public var image: String
    @Defaulted public var generation: Int64

    public init(created: String?, dockerImageReference: String, image: String, generation: Int64) {
        self.created = created
        self.dockerImageReference = dockerImageReference
        self.image = image
        self.generation = generation
    }
}
