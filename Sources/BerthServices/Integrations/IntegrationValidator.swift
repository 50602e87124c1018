import BerthModel
import BerthRegistry

/// The checks an integration must pass before it is stored or tested, with StackRox's
/// wording, so that clients matching on messages keep working.
struct IntegrationValidator: Sendable {
    let policy: EndpointPolicy

    /// StackRox's `validateIntegration`: endpoints, categories, name. Uniqueness of the name is
    /// checked by the caller, which has the store.
    func commonErrors(_ integration: ImageIntegration) -> [String] {
        var errors: [String] = []
        for endpoint in endpoints(of: integration.config) {
            if let violation = policy.violation(endpoint) { errors.append(violation) }
        }
        if integration.categories.isEmpty { errors.append("integrations require a category") }
        if integration.name.trimmingCharacters(in: .whitespaces).isEmpty { errors.append("name for integration is required") }
        return errors
    }

    /// What StackRox finds when it builds the registry or scanner: the type is known, serves
    /// the categories asked for, carries the right configuration, and that is complete.
    func typeErrors(_ integration: ImageIntegration) -> [String] {
        guard !integration.type.isEmpty else { return ["Source type must be defined"] }
        guard let type = IntegrationType.named(integration.type) else {
            let names = IntegrationType.all.map(\.name).joined(separator: ", ")
            return ["unknown integration type \"\(integration.type)\"; use one of: \(names)"]
        }
        var errors: [String] = []
        for category in Set(integration.categories).sorted() where !type.categories.contains(category) {
            switch category {
            case .registry: errors.append("registry with type '\(integration.type)' does not exist")
            case .scanner: errors.append("scanner with type \"\(integration.type)\" does not exist")
            case .nodeScanner: errors.append("unsupported integration type: \"\(integration.type)\".")
            }
        }
        guard let config = integration.config, config.jsonKey == type.configKey || (type.name == "azure" && config.jsonKey == "docker") else {
            return errors + [type.missingConfigMessage]
        }
        return errors + configErrors(config, categories: Set(integration.categories))
    }

    private func configErrors(_ config: IntegrationConfig, categories: Set<IntegrationCategory>) -> [String] {
        var errors: [String] = []
        func requireEndpoint(_ endpoint: String, insecure: Bool, _ missing: String) {
            if endpoint.isEmpty {
                errors.append(missing)
            } else {
                do {
                    _ = try RegistryEndpoint.parse(endpoint, insecure: insecure)
                } catch {
                    errors.append("invalid endpoint: \(error.message)")
                }
            }
        }
        switch config {
        case .docker(let c):
            requireEndpoint(c.endpoint, insecure: c.insecure, "Docker endpoint must be specified")
            if c.username.isEmpty != c.password.isEmpty, c.password != ImageIntegration.secretMask {
                errors.append("username and password must be given together")
            }
        case .azure(let c):
            requireEndpoint(c.endpoint, insecure: false, "Azure endpoint must be specified")
        case .quay(let c):
            requireEndpoint(c.endpoint, insecure: c.insecure, "Quay endpoint must be specified")
            let registry = categories.contains(.registry)
            let scanner = categories.contains(.scanner)
            if let robot = c.registryRobotCredentials {
                if scanner && (!registry || c.oauthToken.isEmpty) {
                    errors.append("Quay scanner integration cannot use robot credentials")
                } else if registry && !scanner && !c.oauthToken.isEmpty {
                    errors.append("Quay registry integration should use robot credentials or OAuth token but not both")
                }
                if robot.username.isEmpty || robot.password.isEmpty {
                    errors.append("Quay robot credentials need both username and password")
                }
            }
        case .ecr(let c):
            if c.registryId.isEmpty { errors.append("Registry ID must be specified") }
            if c.region.isEmpty { errors.append("Region must be specified") }
            if !c.endpoint.isEmpty {
                requireEndpoint(c.endpoint, insecure: false, "")
            }
            let usesOtherAuth = c.useIam || !c.accessKeyId.isEmpty || !c.secretAccessKey.isEmpty || c.useAssumeRole
            if let data = c.authorizationData, !usesOtherAuth {
                if data.username.isEmpty || data.password.isEmpty || (data.expiresAt ?? "").isEmpty {
                    errors.append("ECR authorization data needs username, password and expiresAt")
                }
            } else if !c.useIam {
                if c.accessKeyId.isEmpty { errors.append("Access key ID must be specified") }
                if c.secretAccessKey.isEmpty { errors.append("Secret access key must be specified") }
            }
            if c.useAssumeRole {
                if !c.endpoint.isEmpty { errors.append("AssumeRole cannot be used with an endpoint") }
                if c.assumeRoleId.isEmpty { errors.append("AssumeRole ID must be specified") }
            }
        case .google(let c):
            if categories.contains(.registry) {
                requireEndpoint(c.endpoint, insecure: false, "Endpoint must be specified for Google registry")
                if c.serviceAccount.isEmpty && !c.wifEnabled {
                    errors.append("Service account must be specified for Google registry")
                }
            }
            if categories.contains(.scanner) {
                if c.serviceAccount.isEmpty { errors.append("Service account must be specified for Google scanner") }
                if c.project.isEmpty { errors.append("ProjectID must be specified for Google scanner") }
                if c.wifEnabled { errors.append("Google scanner integration cannot use workload identity") }
            }
        case .ibm(let c):
            requireEndpoint(c.endpoint, insecure: false, "IBM endpoint must be specified")
            if c.apiKey.isEmpty { errors.append("IAM API Key must be specified for IBM registry") }
        case .clair(let c):
            requireEndpoint(c.endpoint, insecure: c.insecure, "Clair endpoint must be specified")
        case .clairV4(let c):
            requireEndpoint(c.endpoint, insecure: c.insecure, "Clair endpoint must be specified")
        case .clairify(let c):
            requireEndpoint(c.endpoint, insecure: false, "endpoint parameter must be defined for Clairify")
            if c.numConcurrentScans < 0 { errors.append("numConcurrentScans must not be negative") }
        case .scannerV4(let c):
            if c.numConcurrentScans < 0 { errors.append("numConcurrentScans must not be negative") }
        }
        return errors
    }

    private func endpoints(of config: IntegrationConfig?) -> [String] {
        switch config {
        case .docker(let c): [c.endpoint]
        case .azure(let c): [c.endpoint]
        case .quay(let c): [c.endpoint]
        case .ecr(let c): [c.endpoint]
        case .google(let c): [c.endpoint]
        case .ibm(let c): [c.endpoint]
        case .clair(let c): [c.endpoint]
        case .clairV4(let c): [c.endpoint]
        case .clairify(let c): [c.endpoint, c.grpcEndpoint]
        case .scannerV4, nil: []
        }
    }
}
