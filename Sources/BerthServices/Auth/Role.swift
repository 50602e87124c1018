/// What a token may do. Roles are coarse on purpose: a few that match how platforms split
/// duties (operators, auditors, pipelines) beat a permission matrix nobody reviews.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Everything.
    case admin
    /// Read everything, write nothing.
    case analyst
    /// Read and scan images: what a CI pipeline needs to gate a build.
    case ci

    public func allows(_ access: Access) -> Bool {
        switch self {
        case .admin: true
        case .analyst: access.verb == .read
        case .ci: access.resource == .image && (access.verb == .read || access.verb == .scan)
        }
    }
}
