/// What a token may do in one Cycle hub. A token with grants reaches only the hubs granted,
/// with exactly the capabilities listed (admins excepted), so it can be narrowed to one
/// capability in one hub.
public struct HubGrant: Codable, Sendable, Equatable {
    /// The hub id, as clients send it in `X-Hub-Id`.
    public var hub: String
    public var capabilities: [HubCapability]
    /// The Cycle role id the caller acts as in this hub, matched against resource ACLs.
    public var role: String?

    public init(hub: String, capabilities: [HubCapability], role: String? = nil) {
        self.hub = hub
        self.capabilities = capabilities
        self.role = role
    }
}
