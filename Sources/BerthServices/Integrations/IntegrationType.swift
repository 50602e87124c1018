import BerthModel

/// The integration types Berth knows: which configuration each carries and which categories
/// it may serve. StackRox decides this in its registry and scanner factories; here it is one
/// table so validation can name the problem before anything is contacted.
public struct IntegrationType: Sendable {
    public var name: String
    public var configKey: String
    public var categories: Set<IntegrationCategory>
    /// StackRox's message when the configuration is missing or of another type.
    public var missingConfigMessage: String

    public static let all: [IntegrationType] = [
        .init(name: "docker", configKey: "docker", categories: [.registry], missingConfigMessage: "Docker configuration required"),
        .init(name: "artifactory", configKey: "docker", categories: [.registry], missingConfigMessage: "Docker configuration required"),
        .init(name: "nexus", configKey: "docker", categories: [.registry], missingConfigMessage: "Docker configuration required"),
        .init(name: "rhel", configKey: "docker", categories: [.registry], missingConfigMessage: "Docker configuration required"),
        .init(name: "ghcr", configKey: "docker", categories: [.registry], missingConfigMessage: "Docker configuration required"),
        .init(name: "azure", configKey: "azure", categories: [.registry], missingConfigMessage: "azure container registry or docker configuration required"),
        .init(name: "quay", configKey: "quay", categories: [.registry, .scanner], missingConfigMessage: "Quay config must be specified"),
        .init(name: "ecr", configKey: "ecr", categories: [.registry], missingConfigMessage: "ECR configuration required"),
        .init(name: "google", configKey: "google", categories: [.registry, .scanner], missingConfigMessage: "Google configuration required"),
        .init(name: "artifactregistry", configKey: "google", categories: [.registry], missingConfigMessage: "Google configuration required"),
        .init(name: "ibm", configKey: "ibm", categories: [.registry], missingConfigMessage: "IBM configuration required"),
        .init(name: "clair", configKey: "clair", categories: [.scanner], missingConfigMessage: "Clair configuration required"),
        .init(name: "clairV4", configKey: "clairV4", categories: [.scanner], missingConfigMessage: "Clair configuration required"),
        .init(name: "clairify", configKey: "clairify", categories: [.scanner, .nodeScanner], missingConfigMessage: "Clairify configuration required"),
        .init(name: "scannerv4", configKey: "scannerV4", categories: [.scanner, .nodeScanner], missingConfigMessage: "scanner V4 configuration required"),
    ]

    public static func named(_ name: String) -> IntegrationType? {
        all.first { $0.name == name } ?? all.first { $0.name.lowercased() == name.lowercased() }
    }
}
