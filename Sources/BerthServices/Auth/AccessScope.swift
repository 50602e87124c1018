/// How far a route reaches, which decides what a token limited to some namespaces or hubs may
/// call. Kept apart from ``Access`` because the same verb on the same resource is harmless in
/// one namespace and a leak across the whole catalogue.
public enum AccessScope: Sendable, Equatable {
    /// The whole catalogue (StackRox routes, cluster-scoped kinds, cross-namespace lists):
    /// a token limited to namespaces is refused.
    case global
    /// A route under `/namespaces/{namespace}/`: a limited token needs that namespace.
    case namespace
    /// API discovery and schema documents, which reveal no stored object: any token.
    case metadata
    /// Cycle routes: the dialect checks the token's capabilities in the `X-Hub-Id` hub itself,
    /// because its 403 must name the missing capability in its own error shape.
    case hub
}
