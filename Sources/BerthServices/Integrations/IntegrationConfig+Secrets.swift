import BerthModel

/// Which fields of each configuration are secrets (masked, sealed) and which are
/// "dependent" (may only change together with a re-entered secret). Kept in one place so
/// masking, sealing and reconciliation can never disagree about a field.
extension IntegrationConfig {
    /// Rewrites every secret field; `transform` gets the field's Go path and value.
    public func mapSecrets(_ transform: (String, String) throws -> String) rethrows -> IntegrationConfig {
        let p = goPath
        switch self {
        case .docker(var c):
            c.password = try transform(p + ".Password", c.password)
            return .docker(c)
        case .azure(var c):
            c.password = try transform(p + ".Password", c.password)
            return .azure(c)
        case .quay(var c):
            c.oauthToken = try transform(p + ".OauthToken", c.oauthToken)
            if var robot = c.registryRobotCredentials {
                robot.password = try transform(p + ".RegistryRobotCredentials.Password", robot.password)
                c.registryRobotCredentials = robot
            }
            return .quay(c)
        case .ecr(var c):
            c.accessKeyId = try transform(p + ".AccessKeyId", c.accessKeyId)
            c.secretAccessKey = try transform(p + ".SecretAccessKey", c.secretAccessKey)
            if var data = c.authorizationData {
                data.password = try transform(p + ".AuthorizationData.Password", data.password)
                c.authorizationData = data
            }
            return .ecr(c)
        case .google(var c):
            c.serviceAccount = try transform(p + ".ServiceAccount", c.serviceAccount)
            return .google(c)
        case .ibm(var c):
            c.apiKey = try transform(p + ".ApiKey", c.apiKey)
            return .ibm(c)
        case .clair, .clairV4, .clairify, .scannerV4:
            return self
        }
    }

    /// Fields that must stay as stored when the stored secrets are reused: changing where a
    /// secret is sent, without re-entering it, would hand it to another host.
    public var dependentFields: [(path: String, value: String)] {
        let p = goPath
        switch self {
        case .docker(let c): return [(p + ".Endpoint", c.endpoint), (p + ".Username", c.username)]
        case .azure(let c): return [(p + ".Endpoint", c.endpoint), (p + ".Username", c.username), (p + ".WifEnabled", "\(c.wifEnabled)")]
        case .quay(let c):
            return [(p + ".Endpoint", c.endpoint)]
                + (c.registryRobotCredentials.map { [(p + ".RegistryRobotCredentials.Username", $0.username)] } ?? [])
        case .ecr(let c):
            return [(p + ".UseIam", "\(c.useIam)"), (p + ".Endpoint", c.endpoint)]
                + (c.authorizationData.map { [(p + ".AuthorizationData.Username", $0.username)] } ?? [])
        case .google(let c): return [(p + ".Endpoint", c.endpoint)]
        case .ibm(let c): return [(p + ".Endpoint", c.endpoint)]
        case .clair, .clairV4, .clairify, .scannerV4: return []
        }
    }

    /// Optional nested messages, by Go path, and whether each is set.
    public var nestedMessages: [(path: String, present: Bool)] {
        switch self {
        case .quay(let c): return [(goPath + ".RegistryRobotCredentials", c.registryRobotCredentials != nil)]
        case .ecr(let c): return [(goPath + ".AuthorizationData", c.authorizationData != nil)]
        default: return []
        }
    }

    /// The same configuration with every secret replaced by StackRox's mask, even an empty
    /// one, so a response never tells whether a secret is set.
    public var masked: IntegrationConfig {
        mapSecrets { _, _ in ImageIntegration.secretMask }
    }
}
