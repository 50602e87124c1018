import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client for one registry's Distribution API (v2).
///
/// It owns the authentication dance: try anonymously, read the challenge, then answer it
/// with basic credentials or with a bearer token fetched from the challenge's realm.
public struct RegistryClient: Sendable {
    public let endpoint: RegistryEndpoint
    public let credentials: RegistryCredentials
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let logger: Logger

    public init(
        endpoint: RegistryEndpoint,
        credentials: RegistryCredentials = .anonymous,
        http: HTTPClient = OutboundHTTP.client,
        timeout: Duration = .seconds(15),
        logger: Logger = Logger(label: "berth.registry")
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.http = http
        self.timeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        self.logger = logger
    }

    /// `GET /v2/`, authenticated as the registry demands. Succeeds only when the registry
    /// accepts us; the error says whether it could not be reached or refused the credentials.
    public func ping() async throws(RegistryError) -> RegistryPing {
        let url = endpoint.baseURL + "/v2/"
        let first = try await send(url: url, authorization: nil)
        switch first.status {
        case 200..<300:
            return RegistryPing(url: url, authentication: .none, apiVersion: first.header("docker-distribution-api-version"))
        case 401:
            break
        default:
            throw .unexpectedStatus(url: url, status: first.status, detail: first.errorSummary)
        }
        let challenges = AuthChallenge.parse(first.headers("www-authenticate"))
        if let bearer = challenges.first(where: \.isBearer) {
            let token = try await fetchToken(challenge: bearer, scope: nil)
            let second = try await send(url: url, authorization: "Bearer \(token)")
            guard (200..<300).contains(second.status) else {
                throw second.status == 401 || second.status == 403
                    ? .unauthorized(url: url, detail: "the registry rejected the token from \(bearer.parameters["realm"] ?? "its realm")")
                    : .unexpectedStatus(url: url, status: second.status, detail: second.errorSummary)
            }
            return RegistryPing(url: url, authentication: .bearer, apiVersion: second.header("docker-distribution-api-version"))
        }
        guard case .basic(let username, let password) = credentials else {
            throw .unauthorized(url: url, detail: "the registry requires credentials and none were given")
        }
        let second = try await send(url: url, authorization: Self.basicAuthorization(username, password))
        switch second.status {
        case 200..<300:
            return RegistryPing(url: url, authentication: .basic, apiVersion: second.header("docker-distribution-api-version"))
        case 401, 403:
            throw .unauthorized(url: url, detail: "the registry rejected the credentials of \(credentials)")
        default:
            throw .unexpectedStatus(url: url, status: second.status, detail: second.errorSummary)
        }
    }

    /// Fetches a bearer token from the challenge's realm (the Docker token protocol), with
    /// basic credentials when we have them.
    func fetchToken(challenge: AuthChallenge, scope: String?) async throws(RegistryError) -> String {
        guard let realm = challenge.parameters["realm"], var components = URLComponents(string: realm),
              components.scheme == "http" || components.scheme == "https"
        else {
            throw .invalidResponse(url: endpoint.baseURL, detail: "bearer challenge has no usable realm")
        }
        var items = components.queryItems ?? []
        if let service = challenge.parameters["service"] { items.append(URLQueryItem(name: "service", value: service)) }
        if let scope = scope ?? challenge.parameters["scope"] { items.append(URLQueryItem(name: "scope", value: scope)) }
        var authorization: String?
        if case .basic(let username, let password) = credentials {
            items.append(URLQueryItem(name: "account", value: username))
            authorization = Self.basicAuthorization(username, password)
        }
        components.queryItems = items.isEmpty ? nil : items
        let tokenURL = components.string ?? realm
        let response = try await send(url: tokenURL, authorization: authorization)
        guard (200..<300).contains(response.status) else {
            if response.status == 401 || response.status == 403 {
                throw .unauthorized(url: realm, detail: "the token service rejected the credentials of \(credentials)")
            }
            throw .unexpectedStatus(url: realm, status: response.status, detail: response.errorSummary)
        }
        struct TokenResponse: Decodable {
            var token: String?
            var access_token: String?
        }
        guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: response.body),
              let token = decoded.token ?? decoded.access_token, !token.isEmpty
        else {
            throw .invalidResponse(url: realm, detail: "the token service answered without a token")
        }
        return token
    }

    static func basicAuthorization(_ username: String, _ password: String) -> String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// One request, buffered: for the small JSON answers of ping and token calls.
    private func send(url: String, authorization: String?) async throws(RegistryError) -> BufferedResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "berth")
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        do {
            let response = try await http.execute(request, timeout: timeout, logger: logger)
            let body = try await response.body.collect(upTo: 1 << 20)
            return BufferedResponse(status: Int(response.status.code), headerFields: response.headers, body: Data(body.readableBytesView))
        } catch {
            throw .unreachable(url: url, reason: Self.describe(error))
        }
    }

    public static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("deadlineExceeded") { return "timed out" }
        if text.lowercased().contains("connection refused") { return "connection refused" }
        return text
    }
}
