/// How to authenticate to a registry. `description` never shows the secret.
public enum RegistryCredentials: Sendable, Equatable, CustomStringConvertible {
    case anonymous
    case basic(username: String, password: String)

    public var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .basic(let username, _): "user \"\(username)\""
        }
    }

    public var isAnonymous: Bool { self == .anonymous }
}
