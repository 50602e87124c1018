import BerthModel
import BerthReference
import BerthServices
import Foundation

/// Checks an `ImageOrigin` against the schema of its variant (reference part A.5 and A.6:
/// the flat `username`/`token` of docker-hub and docker-registry, `auth` only on
/// oci-registry), before anything is stored.
enum OriginValidator {
    static let types = ["docker-hub", "docker-registry", "oci-registry", "docker-file", "cycle-upload", "cycle-source", "none"]

    static func validate(_ value: JSONValue?, at pointer: String = "/origin") throws(CycleError) {
        let origin = try CycleObjectReader(value, at: pointer)
        guard let type = try origin.string("type", required: true) else { return }
        guard types.contains(type) else {
            throw CycleError.invalid(origin.path("type"), "origin type \"\(type)\" is not one of: \(types.joined(separator: ", "))")
        }
        switch type {
        case "none":
            try origin.only(["type", "details"])
            if let details = try origin.object("details", nullable: true) { try details.only([]) }
        case "cycle-source":
            throw CycleError.invalid(origin.path("type"), "a cycle-source origin exists only in stacks and cannot be an image source's origin")
        default:
            try origin.only(["type", "details"])
            guard let details = try origin.object("details", required: true) else { return }
            switch type {
            case "docker-hub": try dockerHub(details)
            case "docker-registry": try dockerRegistry(details)
            case "oci-registry": try ociRegistry(details)
            case "docker-file": try dockerFile(details)
            default: try cycleUpload(details)
            }
        }
        try refuseURLCredentials(value ?? .null, at: pointer)
    }

    /// Credentials are sealed by the key they sit under (`token`, `password`…); one written
    /// into a URL (`https://user:secret@host`) would be stored and returned in the clear, so
    /// such URLs are refused wherever they appear and the caller is told where they belong.
    static func refuseURLCredentials(_ value: JSONValue, at pointer: String) throws(CycleError) {
        switch value {
        case .object(let object):
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                let path = JSONPointer.appending(pointer, key)
                if key.hasSuffix("url"), let text = child.stringValue, let url = URLComponents(string: text),
                   url.password != nil || (url.user != nil && ["http", "https"].contains(url.scheme?.lowercased() ?? "")) {
                    throw CycleError.invalid(path, "\(key) carries credentials (user:password@); remove them from the URL and give them in the origin's username/token/password fields, where they are stored encrypted")
                }
                try refuseURLCredentials(child, at: path)
            }
        case .array(let items):
            for (index, item) in items.enumerated() { try refuseURLCredentials(item, at: JSONPointer.appending(pointer, String(index))) }
        default:
            return
        }
    }

    static func dockerHub(_ details: CycleObjectReader) throws(CycleError) {
        try details.only(["target", "username", "token", "existing"])
        let target = try details.string("target", required: true) ?? ""
        try reference(target, at: details.path("target"))
        if let parsed = try? ImageReference.parse(target), parsed.registry != "docker.io" {
            throw CycleError.invalid(details.path("target"), "a docker-hub target names an image on Docker Hub; \(parsed.registry) is another registry (use a docker-registry origin)")
        }
        _ = try details.string("username", nullable: true)
        _ = try details.string("token", nullable: true)
        try existing(details)
    }

    static func dockerRegistry(_ details: CycleObjectReader) throws(CycleError) {
        try details.only(["target", "url", "username", "token", "password", "existing"])
        let target = try details.string("target", required: true) ?? ""
        let url = try details.string("url", required: true) ?? ""
        try registryURL(url, at: details.path("url"))
        try reference(RegistryTarget.join(url: url, target: target), at: details.path("target"))
        for key in ["username", "token", "password"] { _ = try details.string(key, nullable: true) }
        try existing(details)
    }

    static func ociRegistry(_ details: CycleObjectReader) throws(CycleError) {
        try details.only(["target", "url", "auth", "existing"])
        let target = try details.string("target", required: true) ?? ""
        let url = try details.string("url", required: true) ?? ""
        try registryURL(url, at: details.path("url"))
        try reference(RegistryTarget.join(url: url, target: target), at: details.path("target"))
        try existing(details)
        guard let auth = try details.object("auth", nullable: true) else { return }
        try auth.only(["type", "details"])
        let type = try auth.oneOf("type", ["user", "provider", "webhook"], required: true)
        guard let credentials = try auth.object("details", required: true) else { return }
        switch type {
        case "user":
            try credentials.only(["username", "token"])
            _ = try credentials.string("username", nullable: true)
            _ = try credentials.string("token", nullable: true)
        case "provider":
            try credentials.only(["flavor", "credentials"])
            _ = try credentials.oneOf("flavor", ["ecr"], required: true)
            guard let keys = try credentials.object("credentials", required: true) else { return }
            let names: Set<String> = ["region", "namespace", "api_key", "secret", "subscription_id", "client_id", "config"]
            try keys.only(names)
            for key in names { _ = try keys.string(key, nullable: true) }
        default:
            try credentials.only(["url"])
            let url = try credentials.string("url", required: true) ?? ""
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                throw CycleError.invalid(credentials.path("url"), "the webhook url \"\(url)\" must be an http or https URL")
            }
        }
    }

    static func dockerFile(_ details: CycleObjectReader) throws(CycleError) {
        try details.only(["existing", "repo", "targz_url", "context_dir", "build_file", "credentials"])
        try existing(details)
        let targz = try details.string("targz_url", nullable: true)
        _ = try details.string("context_dir", nullable: true)
        _ = try details.string("build_file", nullable: true)
        let repo = try details.object("repo", nullable: true)
        if let repo {
            try repo.only(["url", "branch", "auth", "ref"])
            _ = try repo.string("url", required: true)
            _ = try repo.string("branch", nullable: true)
            if let auth = try repo.object("auth", nullable: true) {
                try auth.only(["type", "credentials"])
                let type = try auth.oneOf("type", ["http", "ssh"], required: true)
                if let credentials = try auth.object("credentials", required: true) {
                    if type == "http" {
                        try credentials.only(["username", "password"])
                        _ = try credentials.string("username", required: true)
                        _ = try credentials.string("password", required: true)
                    } else {
                        try credentials.only(["username", "passphrase", "private_key"])
                        _ = try credentials.string("username", required: true)
                        _ = try credentials.string("passphrase", nullable: true)
                        let key = try credentials.string("private_key", required: true) ?? ""
                        guard key.contains("-----BEGIN") else {
                            throw CycleError.invalid(credentials.path("private_key"), "private_key must be a PEM-encoded private key")
                        }
                    }
                }
            }
            if let ref = try repo.object("ref", nullable: true) {
                try ref.only(["type", "value"])
                _ = try ref.oneOf("type", ["hash", "tag"], required: true)
                _ = try ref.string("value", required: true)
            }
        }
        if repo == nil && (targz ?? "").isEmpty {
            throw CycleError.missing(details.path("repo"), "a docker-file origin needs repo.url or targz_url to build from")
        }
        for (index, item) in (try details.array("credentials") ?? []).enumerated() {
            let credential = try CycleObjectReader(item, at: details.path("credentials", index))
            try credential.only(["url", "username", "token"])
            for key in ["url", "username", "token"] { _ = try credential.string(key, nullable: true) }
        }
    }

    static func cycleUpload(_ details: CycleObjectReader) throws(CycleError) {
        try details.only(["expires", "token"])
        _ = try details.dateTime("expires", required: true)
        _ = try details.string("token", required: true)
    }

    static func existing(_ details: CycleObjectReader) throws(CycleError) {
        guard let existing = try details.object("existing", nullable: true) else { return }
        try existing.only(["source_id"])
        if let id = try existing.string("source_id", nullable: true), !ObjectID.isValid(id) {
            throw CycleError.invalid(existing.path("source_id"), "source_id must be a 24-character hex id")
        }
    }

    static func reference(_ text: String, at pointer: String) throws(CycleError) {
        do {
            _ = try ImageReference.parse(text)
        } catch {
            throw CycleError.invalid(pointer, "\"\(text)\" is not an image reference such as org/image:tag: \(error)")
        }
    }

    static func registryURL(_ url: String, at pointer: String) throws(CycleError) {
        let host = RegistryTarget.host(fromURL: url)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-:[]"))
        guard !host.isEmpty, !host.contains("/"), host.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            throw CycleError.invalid(pointer, "url \"\(url)\" must be a registry address such as registry.example.com or https://registry.example.com:5000")
        }
    }
}
