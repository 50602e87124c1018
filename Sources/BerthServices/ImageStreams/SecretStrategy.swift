import BerthModel
import Foundation

/// Core Secrets, kept for image pulls: `stringData` folds into `data`, every value is sealed
/// at rest, and only admins see values (others get the keys, each with an empty value).
struct SecretStrategy: ResourceStrategy {
    typealias Object = Secret
    let box: SecretBox

    func prepareForCreate(_ secret: inout Secret) async throws {
        Self.fold(&secret)
        if (secret.type ?? "").isEmpty { secret.type = "Opaque" }
    }

    func validate(_ secret: Secret) async throws -> [KubeStatusCause] {
        var causes: [KubeStatusCause] = []
        let name = secret.metadata.name ?? ""
        if !KubeNames.isDNSSubdomain(name) {
            causes.append(.invalid("metadata.name", name, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"))
        }
        for (key, value) in secret.data ?? [:] where Data(base64Encoded: value) == nil {
            causes.append(.invalid("data[\(key)]", "", "must be base64-encoded"))
        }
        let data = secret.data ?? [:]
        switch secret.type {
        case "kubernetes.io/dockerconfigjson":
            guard let text = data[".dockerconfigjson"], let bytes = Data(base64Encoded: text) else {
                causes.append(.required("data[.dockerconfigjson]"))
                break
            }
            if (try? JSONDecoder().decode(JSONValue.self, from: bytes))?["auths"]?.objectValue == nil {
                causes.append(.invalid("data[.dockerconfigjson]", "<secret contents redacted>", "must be a docker config with an \"auths\" object"))
            }
        case "kubernetes.io/dockercfg":
            if data[".dockercfg"] == nil { causes.append(.required("data[.dockercfg]")) }
        default:
            break
        }
        return causes
    }

    func prepareForUpdate(_ secret: inout Secret, old: Secret) async throws {
        Self.fold(&secret)
        if (secret.type ?? "").isEmpty { secret.type = old.type }
    }

    func validateUpdate(_ secret: Secret, old: Secret) async throws -> [KubeStatusCause] {
        var causes = try await validate(secret)
        if secret.type != old.type { causes.append(.invalid("type", secret.type ?? "", "field is immutable")) }
        if old.immutable == true && secret.data != old.data { causes.append(.forbidden("data", "field is immutable when `immutable` is set")) }
        return causes
    }

    var allowsUnconditionalUpdate: Bool { true }

    static func fold(_ secret: inout Secret) {
        guard let strings = secret.stringData, !strings.isEmpty else {
            secret.stringData = nil
            return
        }
        var data = secret.data ?? [:]
        for (key, value) in strings { data[key] = Data(value.utf8).base64EncodedString() }
        secret.data = data
        secret.stringData = nil
    }

    func sealed(_ secret: Secret) throws -> Secret {
        var secret = secret
        secret.data = try secret.data?.mapValues { try box.seal($0) }
        return secret
    }

    func unsealed(_ secret: Secret) throws -> Secret {
        var secret = secret
        secret.data = try secret.data?.mapValues { try box.open($0) }
        return secret
    }

    func present(_ secret: Secret, to caller: ResourceCaller) -> Secret {
        guard !caller.isAdmin else { return secret }
        var masked = secret
        masked.data = secret.data?.mapValues { _ in "" }
        return masked
    }

    func fields(_ secret: Secret) -> [String: String] {
        ["type": secret.type ?? ""]
    }
}
