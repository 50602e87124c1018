/// Why a tag's last import failed (`type` ImportSuccess, `status` False).
public struct TagEventCondition: Codable, Sendable, Equatable {
    @Defaulted public var type: String
    @Defaulted public var status: String
    @Defaulted public var lastTransitionTime: String?
    public var reason: String?
    public var message: String?
    @Defaulted public var generation: Int64

    public init(type: String, status: String, lastTransitionTime: String?, reason: String?, message: String?, generation: Int64) {
        self.type = type
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
        self.generation = generation
    }
}
