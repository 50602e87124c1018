import BerthHTTP
import BerthModel
import BerthServices
import Hummingbird

/// The caller in one hub, as a Cycle route sees it.
struct CycleCall {
    var request: Request
    var context: BerthRequestContext
    var hub: String
    var principal: Principal
    /// The capability that let the caller into the route: an ACL refusal names it, since
    /// that is what the ACL narrows.
    var capability: HubCapability

    var creator: CreatorScope { CreatorScope(id: ObjectID.derived(from: principal.name), type: "api-key") }
    var role: String? { principal.hubRole(hub) }
    var isAdmin: Bool { principal.role == .admin }

    func has(_ capability: HubCapability) -> Bool { principal.capabilities(inHub: hub).contains(capability) }

    /// The hub capabilities let the caller in; a source's ACL may still keep its role out.
    func requireACL(_ source: ImageSource, _ privilege: ImageSourcePrivilege) throws(CycleError) {
        guard !ImageSourceService.allows(source, role: role, isAdmin: isAdmin, privilege) else { return }
        let who = role.map { "role \($0)" } ?? "a caller with no role in this hub"
        throw CycleError(403, "403.permissions", "Insufficient permissions",
                         "the ACL of image source \(source.id) does not give \(who) the \(privilege.rawValue) privilege",
                         capability: capability.rawValue)
    }
}
