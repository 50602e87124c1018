import Foundation

/// A stored API token. Only the SHA-256 of the token is kept (as the store key): tokens are
/// 256 random bits, so a fast hash is as safe as a slow one and keeps every request cheap.
public struct APIToken: Codable, Sendable, Equatable {
    public var name: String
    public var role: Role
    public var createdAt: Date
    /// The Kubernetes namespaces the token is limited to; nil reaches everything.
    public var namespaces: [String]?
    /// Per-hub Cycle grants; hubs not listed get the role's implied capabilities.
    public var hubs: [HubGrant]?

    public init(name: String, role: Role, createdAt: Date, namespaces: [String]? = nil, hubs: [HubGrant]? = nil) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.namespaces = namespaces
        self.hubs = hubs
    }
}
