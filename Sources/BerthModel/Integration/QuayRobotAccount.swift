/// A Quay robot account: a named token with rights on several repositories.
public struct QuayRobotAccount: Codable, Sendable, Equatable {
    @Defaulted public var username: String
    @Defaulted public var password: String

    public init() {}
}
