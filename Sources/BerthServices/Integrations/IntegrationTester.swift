import AsyncHTTPClient
import BerthModel
import BerthRegistry
import Foundation
import NIOCore

/// Contacts the service an integration describes, the way StackRox's "Test" button does:
/// registries get a real `GET /v2/` with the integration's credentials, scanners their
/// health endpoint. The error says what was tried and whether it was unreachable or refused.
public struct IntegrationTester: Sendable {
    private let http: HTTPClient
    private let policy: EndpointPolicy

    public init(policy: EndpointPolicy, http: HTTPClient = OutboundHTTP.client) {
        self.http = http
        self.policy = policy
    }

    /// Checked again here, on the host actually contacted: some types derive it (ECR).
    private func checkEgress(_ endpoint: RegistryEndpoint) throws {
        if let violation = policy.violation(endpoint.authority) { throw BerthError.invalid(violation) }
    }

    /// Throws `invalidArgument` naming the category that failed.
    public func test(_ integration: ImageIntegration) async throws {
        guard let config = integration.config else { return }
        for category in Set(integration.categories).sorted() {
            do {
                switch category {
                case .registry: try await testRegistry(config, type: integration.type)
                case .scanner, .nodeScanner: try await testScanner(config)
                }
            } catch let error as RegistryError {
                throw BerthError.invalid("\(Self.label(category)): \(error): invalid arguments")
            } catch let error as EndpointError {
                throw BerthError.invalid("\(Self.label(category)): invalid endpoint: \(error.message): invalid arguments")
            } catch let error as BerthError {
                throw BerthError(error.code, "\(Self.label(category)): \(error.message): invalid arguments")
            }
        }
    }

    static func label(_ category: IntegrationCategory) -> String {
        switch category {
        case .registry: "registry integration"
        case .scanner: "image scanner integration"
        case .nodeScanner: "node scanner integration"
        }
    }

    /// The registry access an integration grants: where, and with which credentials.
    public static func registryAccess(_ config: IntegrationConfig) throws -> (RegistryEndpoint, RegistryCredentials) {
        func basic(_ user: String, _ password: String) -> RegistryCredentials {
            user.isEmpty && password.isEmpty ? .anonymous : .basic(username: user, password: password)
        }
        switch config {
        case .docker(let c):
            return (try RegistryEndpoint.parse(c.endpoint, insecure: c.insecure), basic(c.username, c.password))
        case .azure(let c):
            if c.wifEnabled {
                throw BerthError(.unimplemented, "workload identity needs Azure's instance metadata service, which Berth does not use; give a username and password")
            }
            return (try RegistryEndpoint.parse(c.endpoint, insecure: false), basic(c.username, c.password))
        case .quay(let c):
            let endpoint = try RegistryEndpoint.parse(c.endpoint, insecure: c.insecure)
            if let robot = c.registryRobotCredentials { return (endpoint, basic(robot.username, robot.password)) }
            // Quay accepts an OAuth token as the password of the fixed user "$oauthtoken".
            return (endpoint, c.oauthToken.isEmpty ? .anonymous : .basic(username: "$oauthtoken", password: c.oauthToken))
        case .ecr(let c):
            guard let data = c.authorizationData, !c.useIam, c.accessKeyId.isEmpty, !c.useAssumeRole else {
                throw BerthError(
                    .unimplemented,
                    "ECR access with IAM, access keys or an assumed role needs AWS's GetAuthorizationToken API (SigV4-signed), which Berth does not call; give authorizationData (username, password, expiresAt) instead"
                )
            }
            let host = c.endpoint.isEmpty ? "\(c.registryId).dkr.ecr.\(c.region).amazonaws.com" : c.endpoint
            return (try RegistryEndpoint.parse(host, insecure: false), basic(data.username, data.password))
        case .google(let c):
            if c.wifEnabled {
                throw BerthError(.unimplemented, "workload identity needs Google's metadata server, which Berth does not use; give a service account key")
            }
            // Google registries take a JSON key as the password of the fixed user "_json_key".
            return (try RegistryEndpoint.parse(c.endpoint, insecure: false), .basic(username: "_json_key", password: c.serviceAccount))
        case .ibm(let c):
            return (try RegistryEndpoint.parse(c.endpoint, insecure: false), .basic(username: "iamapikey", password: c.apiKey))
        case .clair, .clairV4, .clairify, .scannerV4:
            throw BerthError.invalid("a \(config.jsonKey) configuration describes a scanner, not a registry")
        }
    }

    private func testRegistry(_ config: IntegrationConfig, type: String) async throws {
        let (endpoint, credentials) = try Self.registryAccess(config)
        try checkEgress(endpoint)
        _ = try await RegistryClient(endpoint: endpoint, credentials: credentials, http: http).ping()
    }

    private func testScanner(_ config: IntegrationConfig) async throws {
        let endpoint: RegistryEndpoint
        let path: String
        var authorization: String?
        switch config {
        case .clair(let c):
            (endpoint, path) = (try RegistryEndpoint.parse(c.endpoint, insecure: c.insecure), "/v1/namespaces")
        case .clairV4(let c):
            (endpoint, path) = (try RegistryEndpoint.parse(c.endpoint, insecure: c.insecure), "/indexer/api/v1/index_state")
        case .clairify(let c):
            (endpoint, path) = (try RegistryEndpoint.parse(c.endpoint, insecure: false), "/scanner/ping")
        case .quay(let c):
            (endpoint, path) = (try RegistryEndpoint.parse(c.endpoint, insecure: c.insecure), "/api/v1/discovery")
            if !c.oauthToken.isEmpty { authorization = "Bearer \(c.oauthToken)" }
        case .google:
            throw BerthError(.unimplemented, "the Google Container Analysis scanner needs Google's APIs, which Berth does not call; Berth scans images itself")
        case .scannerV4:
            throw BerthError(.unimplemented, "Scanner V4 speaks gRPC, which Berth does not call; Berth scans images itself")
        default:
            throw BerthError.invalid("a \(config.jsonKey) configuration cannot be used as a scanner")
        }
        try checkEgress(endpoint)
        let url = endpoint.baseURL + path
        var request = HTTPClientRequest(url: url)
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .seconds(15))
        } catch {
            throw RegistryError.unreachable(url: url, reason: RegistryClient.describe(error))
        }
        switch response.status.code {
        case 200..<300: return
        case 401, 403: throw RegistryError.unauthorized(url: url, detail: "the scanner rejected the credentials")
        default: throw RegistryError.unexpectedStatus(url: url, status: Int(response.status.code), detail: "")
        }
    }
}
