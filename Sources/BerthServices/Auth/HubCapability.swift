/// The Cycle capabilities Berth's Cycle routes check, spelled as Cycle's `Capability` enum.
public enum HubCapability: String, Codable, Sendable, CaseIterable, Comparable {
    case imagesSourcesView = "images-sources-view"
    case imagesSourcesManage = "images-sources-manage"
    case imagesView = "images-view"
    case imagesManage = "images-manage"
    /// Needed for `include=integrations`: the integrations Berth resolves are its StackRox
    /// image integrations, shared by the whole server, so a hub token sees them only when granted.
    case hubsIntegrationsView = "hubs-integrations-view"

    /// What a token without hub grants holds in every hub: its role's reach, so an existing
    /// admin or analyst token works in Cycle without being re-issued.
    public static func implied(by role: Role) -> Set<HubCapability> {
        switch role {
        case .admin: Set(allCases)
        case .analyst: [.imagesSourcesView, .imagesView, .hubsIntegrationsView]
        case .ci: [.imagesView]
        }
    }

    public static func < (lhs: HubCapability, rhs: HubCapability) -> Bool { lhs.rawValue < rhs.rawValue }
}
