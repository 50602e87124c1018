import BerthModel
import BerthRegistry

/// Finds the credentials for a registry host: image integrations whose endpoint names the
/// host (as StackRox matches them), then the auth file, then anonymous HTTPS.
struct RegistryAccessResolver: Sendable {
    let integrations: ImageIntegrationService
    let authFile: RegistryAuthFile?

    /// Candidates in the order they are tried.
    func candidates(forRegistry registry: String) async throws -> [RegistryAccess] {
        var result: [RegistryAccess] = []
        for integration in try await integrations.unsealedIntegrations().sorted(by: { $0.name < $1.name })
        where integration.categories.contains(.registry) {
            guard let config = integration.config,
                  let (endpoint, credentials) = try? IntegrationTester.registryAccess(config),
                  Self.matches(endpoint: endpoint, registry: registry)
            else { continue }
            var source = DataSource()
            source.id = integration.id
            source.name = integration.name
            result.append(RegistryAccess(endpoint: Self.apiEndpoint(endpoint, registry: registry), credentials: credentials, dataSource: source))
        }
        if let entry = authFile?.entries[registry], let endpoint = try? RegistryEndpoint.parse(Self.apiHost(registry), insecure: Self.isLoopback(registry)) {
            var source = DataSource()
            source.name = "registry auth file"
            result.append(RegistryAccess(endpoint: endpoint, credentials: .basic(username: entry.username, password: entry.password), dataSource: source))
        }
        if result.isEmpty, let endpoint = try? RegistryEndpoint.parse(Self.apiHost(registry), insecure: Self.isLoopback(registry)) {
            var source = DataSource()
            source.name = "anonymous"
            result.append(RegistryAccess(endpoint: endpoint, credentials: .anonymous, dataSource: source))
        }
        return result
    }

    /// StackRox: the integration's host must equal the image's registry, and any endpoint
    /// containing `docker.io` serves `docker.io`.
    static func matches(endpoint: RegistryEndpoint, registry: String) -> Bool {
        if registry == "docker.io" { return endpoint.host.contains("docker.io") }
        return endpoint.authority == registry.lowercased()
    }

    /// Without an integration to say `insecure`, loopback registries are spoken to over plain
    /// HTTP, as the Docker daemon treats 127.0.0.0/8 and localhost as insecure registries by
    /// default; the endpoint policy has already decided whether loopback may be used at all.
    static func isLoopback(_ registry: String) -> Bool {
        let host = registry.hasPrefix("[") ? String(registry.dropFirst().prefix { $0 != "]" }) : String(registry.prefix { $0 != ":" })
        return host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// Docker Hub's API is not at docker.io.
    static func apiHost(_ registry: String) -> String {
        registry == "docker.io" ? "registry-1.docker.io" : registry
    }

    static func apiEndpoint(_ endpoint: RegistryEndpoint, registry: String) -> RegistryEndpoint {
        guard registry == "docker.io", endpoint.host == "docker.io" || endpoint.host == "index.docker.io" else { return endpoint }
        var api = endpoint
        api.host = "registry-1.docker.io"
        return api
    }
}
