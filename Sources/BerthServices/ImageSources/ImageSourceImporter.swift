import AsyncHTTPClient
import BerthModel
import BerthReference
import BerthRegistry
import Foundation
import NIOCore

/// Turns a Cycle origin (credentials restored) into a registry pull through the engine, and
/// records what it fetched in the one catalogue. Origins that need a build or a vendor API
/// fail with the reason, never with a pretend image.
struct ImageSourceImporter: Sendable {
    let images: ImageService
    let policy: EndpointPolicy

    func importImage(origin: JSONValue, override: CycleImageOverride?, sourceName: String) async throws -> Image {
        let type = origin["type"]?.stringValue ?? ""
        let details = origin["details"] ?? .null
        let (reference, credentials) = try await resolve(type: type, details: details, target: override?.target)
        guard let endpoint = try? RegistryEndpoint.parse(RegistryAccessResolver.apiHost(reference.registry), insecure: Self.isInsecure(details, reference: reference)) else {
            throw BerthError.invalid("the registry \(reference.registry) of image source '\(sourceName)' is not a registry address")
        }
        var dataSource = DataSource()
        dataSource.name = "image source \(sourceName)"
        let access = RegistryAccess(endpoint: endpoint, credentials: credentials, dataSource: dataSource)
        switch try await images.fetchForImport(reference, pullSecrets: [access], insecure: false, platform: nil, serverCredentials: false) {
        case .failure(.blocked(let reason)):
            throw BerthError.invalid("cannot import \(reference.fullName): \(reason)")
        case .failure(.registry(let failures)):
            let detail = failures.first.map { "\($0)" } ?? "no registry answered"
            if failures.contains(where: { if case .unauthorized = $0 { true } else { false } }) {
                throw BerthError(.permissionDenied, "the registry refused the credentials of image source '\(sourceName)' for \(reference.fullName): \(detail)")
            }
            if failures.contains(where: { if case .notFound = $0 { true } else { false } }) {
                throw BerthError.notFound("\(reference.fullName) does not exist in its registry: \(detail)")
            }
            throw BerthError(.unavailable, "could not import \(reference.fullName): \(detail)")
        case .success(let fetched):
            var name = ImageName()
            name.registry = reference.registry
            name.remote = reference.repository
            name.tag = reference.tag ?? ""
            name.fullName = reference.fullName
            return try await images.recordImport(fetched, name: name, digest: fetched.platformManifestDigest, record: nil).image
        }
    }

    /// The reference to pull and the credentials to pull it with, per origin type.
    func resolve(type: String, details: JSONValue, target override: String?) async throws -> (ImageReference, RegistryCredentials) {
        let target = override ?? details["target"]?.stringValue ?? ""
        switch type {
        case "docker-hub":
            let reference = try parse(target)
            // The token is Docker Hub's: a target naming another registry must not receive it.
            guard reference.registry == "docker.io" else {
                throw BerthError.invalid("a docker-hub origin pulls from Docker Hub only; \(target) names the registry \(reference.registry) (use a docker-registry source)")
            }
            return (reference, Self.basic(details["username"]?.stringValue, details["token"]?.stringValue))
        case "docker-registry":
            let reference = try parse(RegistryTarget.join(url: details["url"]?.stringValue ?? "", target: target))
            return (reference, Self.basic(details["username"]?.stringValue, details["password"]?.stringValue ?? details["token"]?.stringValue))
        case "oci-registry":
            let reference = try parse(RegistryTarget.join(url: details["url"]?.stringValue ?? "", target: target))
            let auth = details["auth"] ?? .null
            switch auth["type"]?.stringValue {
            case nil:
                return (reference, .anonymous)
            case "user":
                return (reference, Self.basic(auth["details"]?["username"]?.stringValue, auth["details"]?["token"]?.stringValue))
            case "webhook":
                return (reference, try await webhookCredentials(auth["details"]?["url"]?.stringValue ?? ""))
            case "provider":
                throw BerthError(.unimplemented, "the ECR provider needs AWS's GetAuthorizationToken API, which Berth does not call; give the origin 'user' auth with the token `aws ecr get-login-password` prints, or a webhook that returns it")
            case let other?:
                throw BerthError.invalid("unknown oci-registry auth type \(other)")
            }
        case "docker-file":
            throw BerthError(.unimplemented, "a docker-file origin is built from a Dockerfile, and Berth does not build images; build and push it to a registry, then import it through a docker-registry or oci-registry source")
        case "cycle-upload":
            throw BerthError(.unimplemented, "a cycle-upload origin takes an image uploaded to Cycle's factory, which Berth does not run; push the image to a registry and import it from there")
        case "none":
            throw BerthError.invalid("an image source with origin 'none' has nothing to import")
        default:
            throw BerthError.invalid("an image source with origin '\(type)' cannot be imported")
        }
    }

    func parse(_ text: String) throws -> ImageReference {
        do {
            return try ImageReference.parse(text)
        } catch {
            throw BerthError.invalid("the image source's target \"\(text)\" is not an image reference: \(error)")
        }
    }

    static func isInsecure(_ details: JSONValue, reference: ImageReference) -> Bool {
        (details["url"]?.stringValue ?? "").lowercased().hasPrefix("http://") || RegistryAccessResolver.isLoopback(reference.registry)
    }

    static func basic(_ username: String?, _ secret: String?) -> RegistryCredentials {
        guard let username, !username.isEmpty else { return .anonymous }
        return .basic(username: username, password: secret ?? "")
    }

    static let webhookClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                          configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(15))))

    /// Cycle's webhook auth: a GET that answers base64 of `username:token`.
    func webhookCredentials(_ url: String) async throws -> RegistryCredentials {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), let host = parsed.host else {
            throw BerthError.invalid("the webhook url \"\(url)\" is not an http(s) URL")
        }
        if let violation = policy.violation(parsed.port.map { "\(host):\($0)" } ?? host) {
            throw BerthError.invalid("the webhook \(host) may not be called: \(violation)")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            // No redirects: each hop would need the egress check the first host passed.
            response = try await Self.webhookClient.execute(request, timeout: .seconds(15))
            body = try await response.body.collect(upTo: 64 << 10)
        } catch {
            throw BerthError(.unavailable, "the credentials webhook \(host) did not answer: \(error)")
        }
        guard response.status.code == 200 else {
            throw BerthError(.unavailable, "the credentials webhook \(host) answered HTTP \(response.status.code), not 200")
        }
        let text = String(buffer: body).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":") else {
            throw BerthError.invalid("the credentials webhook \(host) did not answer base64 of username:token")
        }
        return .basic(username: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]))
    }
}
