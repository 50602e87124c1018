/// Per-role privileges on one resource, keyed by Cycle role id.
public struct CycleACL: Codable, Sendable, Equatable {
    public var roles: [String: ACLEntry]

    public init(roles: [String: ACLEntry]) {
        self.roles = roles
    }
}
