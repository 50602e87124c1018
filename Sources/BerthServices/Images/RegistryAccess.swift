import BerthModel
import BerthRegistry

/// One way to reach a registry: where, as whom, and which integration that came from.
public struct RegistryAccess: Sendable {
    public var endpoint: RegistryEndpoint
    public var credentials: RegistryCredentials
    public var dataSource: DataSource
}
