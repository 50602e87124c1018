import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client for one registry's Distribution API (v2).
///
/// It owns the authentication dance — try with what worked before, read the challenge on a
/// 401, answer it with basic credentials or a bearer token fetched (and cached) for the
/// request's scope — and it verifies the digest of everything it reads.
public struct RegistryClient: Sendable {
    public let endpoint: RegistryEndpoint
    public let credentials: RegistryCredentials
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let logger: Logger
    private let tokens: TokenCache
    private let retry: RetryPolicy

    public init(
        endpoint: RegistryEndpoint,
        credentials: RegistryCredentials = .anonymous,
        http: HTTPClient = OutboundHTTP.client,
        timeout: Duration = .seconds(30),
        retry: RetryPolicy = RetryPolicy(),
        tokens: TokenCache = .shared,
        logger: Logger = Logger(label: "berth.registry")
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.http = http
        self.timeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        self.retry = retry
        self.tokens = tokens
        self.logger = logger
    }

    // MARK: Ping

    /// `GET /v2/`, authenticated as the registry demands. Succeeds only when the registry
    /// accepts us; the error says whether it could not be reached or refused the credentials.
    public func ping() async throws(RegistryError) -> RegistryPing {
        let url = endpoint.baseURL + "/v2/"
        let first = try await send(url: url, authorization: nil, accept: nil)
        switch first.status {
        case 200..<300:
            return RegistryPing(url: url, authentication: .none, apiVersion: first.header("docker-distribution-api-version"))
        case 401:
            break
        default:
            throw .unexpectedStatus(url: url, status: first.status, detail: first.errorSummary)
        }
        let challenges = AuthChallenge.parse(first.headers("www-authenticate"))
        let authorization = try await answer(challenges, scope: nil, url: url)
        let second = try await send(url: url, authorization: authorization, accept: nil)
        guard (200..<300).contains(second.status) else {
            if second.status == 401 || second.status == 403 {
                let bearer = challenges.contains(where: \.isBearer)
                throw .unauthorized(
                    url: url,
                    detail: bearer ? "the registry rejected the token from its token service" : "the registry rejected the credentials of \(credentials)"
                )
            }
            throw .unexpectedStatus(url: url, status: second.status, detail: second.errorSummary)
        }
        return RegistryPing(
            url: url, authentication: challenges.contains(where: \.isBearer) ? .bearer : .basic,
            apiVersion: second.header("docker-distribution-api-version")
        )
    }

    // MARK: Content

    /// A manifest or index by tag or digest, with its digest verified: against the digest
    /// asked for, and against `Docker-Content-Digest` when the registry sends one.
    public func manifest(repository: String, reference: String) async throws(RegistryError) -> ManifestResponse {
        let url = "\(endpoint.baseURL)/v2/\(repository)/manifests/\(reference)"
        let response = try await authorizedGet(url: url, repository: repository, accept: MediaType.manifestAccept, limit: 4 << 20)
        let actual = Self.sha256(response.body)
        if reference.contains(":"), reference != actual {
            throw .digestMismatch(url: url, expected: reference, actual: actual)
        }
        if let announced = response.header("docker-content-digest"), announced.hasPrefix("sha256:"), announced != actual {
            throw .digestMismatch(url: url, expected: announced, actual: actual)
        }
        var mediaType = response.header("content-type")?.split(separator: ";").first.map(String.init) ?? ""
        if !MediaType.isIndex(mediaType) && !MediaType.isManifest(mediaType) {
            // Some registries send a generic content type; the body's own mediaType decides.
            struct Probe: Decodable {
                var mediaType: String?
                var manifests: [Descriptor]?
                var schemaVersion: Int?
            }
            let probe = try? JSONDecoder().decode(Probe.self, from: response.body)
            if probe?.schemaVersion == 1 || mediaType == MediaType.dockerSchema1 {
                throw .unsupported(url: url, detail: "Docker schema 1 manifests are not supported; push the image again with a current client")
            }
            mediaType = probe?.mediaType ?? (probe?.manifests != nil ? MediaType.ociIndex : MediaType.ociManifest)
        }
        return ManifestResponse(digest: actual, mediaType: mediaType, data: response.body)
    }

    /// The OCI 1.1 referrers of a manifest, as an index; `artifactType` filters client-side
    /// too, since a registry may ignore the filter (`OCI-Filters-Applied` absent). A 404 means
    /// the registry has no referrers API (distribution 2.8 does not): the caller falls back to
    /// the tag schema.
    public func referrers(repository: String, digest: String, artifactType: String? = nil) async throws(RegistryError) -> ImageIndex {
        var url = "\(endpoint.baseURL)/v2/\(repository)/referrers/\(digest)"
        if let artifactType { url += "?artifactType=\(artifactType.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? artifactType)" }
        let response = try await authorizedGet(url: url, repository: repository, accept: MediaType.ociIndex, limit: 4 << 20)
        let index: ImageIndex
        do {
            index = try JSONDecoder().decode(ImageIndex.self, from: response.body)
        } catch {
            throw .invalidResponse(url: url, detail: "the referrers answer is not an OCI index")
        }
        guard let artifactType else { return index }
        var filtered = index
        filtered.manifests = index.manifests.filter { $0.artifactType == nil || $0.artifactType == artifactType }
        return filtered
    }

    /// A whole blob (config blobs are small), digest verified.
    public func blob(repository: String, digest: String, limit: Int = 16 << 20) async throws(RegistryError) -> Data {
        let url = "\(endpoint.baseURL)/v2/\(repository)/blobs/\(digest)"
        let response = try await authorizedGet(url: url, repository: repository, accept: nil, limit: limit)
        let actual = Self.sha256(response.body)
        guard actual == digest else { throw .digestMismatch(url: url, expected: digest, actual: actual) }
        return response.body
    }

    /// A blob as a stream, for layers: nothing is buffered, the digest is checked when the
    /// stream ends (see ``BlobStream``). Only sha256 digests can be verified, so only those
    /// are accepted.
    public func blobStream(repository: String, digest: String) async throws(RegistryError) -> BlobStream {
        let url = "\(endpoint.baseURL)/v2/\(repository)/blobs/\(digest)"
        guard digest.hasPrefix("sha256:") else {
            throw .unsupported(url: url, detail: "only sha256 blob digests can be verified")
        }
        let scope = "repository:\(repository):pull"
        var authorization = await tokens.token(for: cacheKey(scope))
        var response = try await open(url: url, authorization: authorization)
        if response.status == .unauthorized {
            let challenges = AuthChallenge.parse(response.headers[canonicalForm: "www-authenticate"].map(String.init))
            authorization = try await answer(challenges, scope: scope, url: url)
            response = try await open(url: url, authorization: authorization)
        }
        switch response.status.code {
        case 200..<300:
            let length = response.headers.first(name: "content-length").flatMap { Int64($0) }
            return BlobStream(body: response.body, url: url, expected: digest, contentLength: length)
        case 401, 403:
            throw .unauthorized(url: url, detail: "access denied for \(credentials)")
        case 404:
            throw .notFound(url: url, detail: "blob unknown to registry")
        default:
            throw .unexpectedStatus(url: url, status: Int(response.status.code), detail: "")
        }
    }

    /// Every repository the registry lists in `/v2/_catalog`, following `Link` pagination.
    /// Registries may restrict the catalog to some credentials or disable it.
    public func catalog(pageSize: Int? = nil) async throws(RegistryError) -> [String] {
        try await pagedList(path: "/v2/_catalog", scope: "registry:catalog:*", key: "repositories", pageSize: pageSize)
    }

    /// Every tag of a repository, following `Link` pagination.
    public func tags(repository: String, pageSize: Int? = nil) async throws(RegistryError) -> [String] {
        try await pagedList(path: "/v2/\(repository)/tags/list", scope: "repository:\(repository):pull", key: "tags", pageSize: pageSize)
    }

    /// The Distribution API's paginated string lists: `{"<key>": [...]}` pages chained by
    /// `Link: <next>; rel="next"`.
    private func pagedList(path: String, scope: String, key: String, pageSize: Int?) async throws(RegistryError) -> [String] {
        var url: String? = endpoint.baseURL + path + (pageSize.map { "?n=\($0)" } ?? "")
        var items: [String] = []
        var pages = 0
        while let next = url, pages < 10_000 {
            let response = try await authorizedGet(url: next, scope: scope, accept: nil, limit: 16 << 20)
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                  object[key] == nil || object[key] is NSNull || object[key] is [String]
            else {
                throw .invalidResponse(url: next, detail: "the list is not JSON of the form {\"\(key)\": [...]}")
            }
            items += object[key] as? [String] ?? []
            url = response.header("link").flatMap { Self.nextLink($0) }.map { $0.hasPrefix("/") ? endpoint.baseURL + $0 : $0 }
            pages += 1
        }
        return items
    }

    /// `<url>; rel="next"` → url.
    static func nextLink(_ header: String) -> String? {
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = pieces.first, first.hasPrefix("<"), first.hasSuffix(">"),
                  pieces.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "") == "rel=\"next\"" })
            else { continue }
            return String(first.dropFirst().dropLast())
        }
        return nil
    }

    // MARK: Authentication

    private var identity: String {
        switch credentials {
        case .anonymous: "anonymous"
        case .basic(let username, let password): "\(username):" + Self.sha256(Data(password.utf8))
        }
    }

    private func cacheKey(_ scope: String) -> String { "\(endpoint.authority)|\(identity)|\(scope)" }

    /// GET with the authorization the registry asks for; one re-try after a challenge.
    private func authorizedGet(url: String, repository: String, accept: String?, limit: Int) async throws(RegistryError) -> BufferedResponse {
        try await authorizedGet(url: url, scope: "repository:\(repository):pull", accept: accept, limit: limit)
    }

    private func authorizedGet(url: String, scope: String, accept: String?, limit: Int) async throws(RegistryError) -> BufferedResponse {
        var authorization = await tokens.token(for: cacheKey(scope))
        var response = try await send(url: url, authorization: authorization, accept: accept, limit: limit)
        if response.status == 401 {
            let challenges = AuthChallenge.parse(response.headers("www-authenticate"))
            authorization = try await answer(challenges, scope: scope, url: url)
            response = try await send(url: url, authorization: authorization, accept: accept, limit: limit)
        }
        switch response.status {
        case 200..<300:
            return response
        case 401, 403:
            throw .unauthorized(url: url, detail: response.errorSummary.isEmpty ? "access denied for \(credentials)" : "\(response.errorSummary) (as \(credentials))")
        case 404:
            throw .notFound(url: url, detail: response.errorSummary)
        default:
            throw .unexpectedStatus(url: url, status: response.status, detail: response.errorSummary)
        }
    }

    /// The Authorization header that answers these challenges.
    private func answer(_ challenges: [AuthChallenge], scope: String?, url: String) async throws(RegistryError) -> String {
        if let bearer = challenges.first(where: \.isBearer) {
            let token = try await fetchToken(challenge: bearer, scope: scope)
            let header = "Bearer \(token.token)"
            if let scope { await tokens.store(header, for: cacheKey(scope), expiresIn: token.expiresIn) }
            return header
        }
        guard case .basic(let username, let password) = credentials else {
            throw .unauthorized(url: url, detail: "the registry requires credentials and none were given")
        }
        let header = Self.basicAuthorization(username, password)
        if let scope { await tokens.store(header, for: cacheKey(scope), expiresIn: 3600) }
        return header
    }

    /// Fetches a bearer token from the challenge's realm (the Docker token protocol), with
    /// basic credentials when we have them.
    func fetchToken(challenge: AuthChallenge, scope: String?) async throws(RegistryError) -> (token: String, expiresIn: Int?) {
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
        let response = try await send(url: tokenURL, authorization: authorization, accept: nil)
        guard (200..<300).contains(response.status) else {
            if response.status == 401 || response.status == 403 {
                throw .unauthorized(url: realm, detail: "the token service rejected the credentials of \(credentials)")
            }
            throw .unexpectedStatus(url: realm, status: response.status, detail: response.errorSummary)
        }
        struct TokenResponse: Decodable {
            var token: String?
            var access_token: String?
            var expires_in: Int?
        }
        guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: response.body),
              let token = decoded.token ?? decoded.access_token, !token.isEmpty
        else {
            throw .invalidResponse(url: realm, detail: "the token service answered without a token")
        }
        return (token, decoded.expires_in)
    }

    static func basicAuthorization(_ username: String, _ password: String) -> String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    public static func sha256(_ data: Data) -> String {
        digestString(SHA256.hash(data: data))
    }

    /// `sha256:<hex>`, the one spelling of a digest every check compares against.
    public static func digestString(_ digest: SHA256.Digest) -> String {
        "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Transport

    /// One request, buffered, re-tried on 429, 5xx and dropped connections as `retry` allows.
    private func send(url: String, authorization: String?, accept: String?, limit: Int = 1 << 20) async throws(RegistryError) -> BufferedResponse {
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            request.headers.add(name: "User-Agent", value: "berth")
            if let accept { request.headers.add(name: "Accept", value: accept) }
            if let authorization { request.headers.add(name: "Authorization", value: authorization) }
            let outcome: Result<BufferedResponse, RegistryError>
            do {
                let response = try await http.execute(request, timeout: timeout, logger: logger)
                let body = try await response.body.collect(upTo: limit)
                outcome = .success(BufferedResponse(status: Int(response.status.code), headerFields: response.headers, body: Data(body.readableBytesView)))
            } catch let error as NIOTooManyBytesError {
                _ = error
                throw .invalidResponse(url: url, detail: "response larger than \(limit) bytes")
            } catch {
                outcome = .failure(.unreachable(url: url, reason: Self.describe(error)))
            }
            switch outcome {
            case .success(let response) where retry.shouldRetry(status: response.status) && attempt < retry.attempts:
                try? await Task.sleep(for: retry.delay(attempt: attempt, retryAfter: response.header("retry-after")))
            case .success(let response):
                return response
            case .failure(let error) where attempt < retry.attempts && retry.retriesConnectionErrors(error):
                try? await Task.sleep(for: retry.delay(attempt: attempt, retryAfter: nil))
            case .failure(let error):
                throw error
            }
        }
    }

    /// Starts a streaming GET: retried like ``send`` while no body has been read; a 401 is
    /// returned with its body drained so the caller can answer the challenge.
    private func open(url: String, authorization: String?) async throws(RegistryError) -> HTTPClientResponse {
        var attempt = 0
        while true {
            attempt += 1
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            request.headers.add(name: "User-Agent", value: "berth")
            if let authorization { request.headers.add(name: "Authorization", value: authorization) }
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: .minutes(30), logger: logger)
            } catch {
                let failure = RegistryError.unreachable(url: url, reason: Self.describe(error))
                if attempt < retry.attempts && retry.retriesConnectionErrors(failure) {
                    try? await Task.sleep(for: retry.delay(attempt: attempt, retryAfter: nil))
                    continue
                }
                throw failure
            }
            let status = Int(response.status.code)
            if (200..<300).contains(status) { return response }
            _ = try? await response.body.collect(upTo: 1 << 20)
            if retry.shouldRetry(status: status) && attempt < retry.attempts {
                try? await Task.sleep(for: retry.delay(attempt: attempt, retryAfter: response.headers.first(name: "retry-after")))
                continue
            }
            return response
        }
    }

    public static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("deadlineExceeded") { return "timed out" }
        if text.lowercased().contains("connection refused") { return "connection refused" }
        if text.contains("remoteConnectionClosed") || text.contains("connectionReset") || text.contains("unexpected time") {
            return "the connection was closed before a full response"
        }
        return text
    }
}
