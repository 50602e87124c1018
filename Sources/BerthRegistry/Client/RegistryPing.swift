/// What a successful `GET /v2/` told us about a registry.
public struct RegistryPing: Sendable, Equatable {
    public enum Authentication: String, Sendable {
        /// The registry answered without asking for credentials.
        case none
        case basic
        case bearer
    }

    public var url: String
    public var authentication: Authentication
    /// `Docker-Distribution-Api-Version`, when the registry sends it.
    public var apiVersion: String?

    public init(url: String, authentication: Authentication, apiVersion: String?) {
        self.url = url
        self.authentication = authentication
        self.apiVersion = apiVersion
    }
}
