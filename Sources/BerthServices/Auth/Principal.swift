/// The caller a request was authenticated as.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    public func allows(_ access: Access) -> Bool { role.allows(access) }
}
