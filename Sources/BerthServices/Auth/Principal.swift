/// The caller a request was authenticated as.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// Nil: every namespace, and the cluster-wide routes too.
    public var namespaces: Set<String>?
    public var hubs: [String: HubGrant]

    public init(name: String, role: Role, namespaces: Set<String>? = nil, hubs: [String: HubGrant] = [:]) {
        self.name = name
        self.role = role
        self.namespaces = namespaces
        self.hubs = hubs
    }

    /// The caller a stored token authenticates as.
    public init(token: APIToken) {
        self.init(name: token.name, role: token.role, namespaces: token.namespaces.map(Set.init),
                  hubs: Dictionary((token.hubs ?? []).map { ($0.hub, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public func allows(_ access: Access) -> Bool { role.allows(access) }

    public func mayUse(namespace: String) -> Bool { namespaces?.contains(namespace) ?? true }

    public func capabilities(inHub hub: String) -> Set<HubCapability> {
        if let grant = hubs[hub] { return Set(grant.capabilities) }
        // A token granted some hubs, or limited to namespaces, is scoped; only an unscoped
        // token gets its role's reach.
        guard hubs.isEmpty, namespaces == nil else { return [] }
        return HubCapability.implied(by: role)
    }

    /// The Cycle role id this caller acts as in the hub, for ACL checks.
    public func hubRole(_ hub: String) -> String? { hubs[hub]?.role }
}
