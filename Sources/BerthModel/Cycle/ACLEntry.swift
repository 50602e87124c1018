/// What one role may do with a resource under an ACL.
public struct ACLEntry: Codable, Sendable, Equatable {
    /// See and use the resource.
    public var view: Bool
    /// Edit its state, name, identifier.
    public var modify: Bool
    /// Delete it and change its ACL.
    public var manage: Bool

    public init(view: Bool, modify: Bool, manage: Bool) {
        self.view = view
        self.modify = modify
        self.manage = manage
    }
}
