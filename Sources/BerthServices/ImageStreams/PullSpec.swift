import Foundation

/// A Docker pull spec as OpenShift's `reference.Parse` reads it: lowercase components, an
/// optional registry host, tag and digest; no defaults applied, so the user's spelling can be
/// kept (`nginx@sha256:…`, not `docker.io/library/nginx@…`).
public struct PullSpec: Sendable, Equatable {
    /// Everything before the tag and digest: `[registry/]namespace/name`.
    public var name: String
    public var tag: String?
    public var digest: String?

    static let component = "[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*"
    static let hostComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
    static let hostname = "\(hostComponent)(?:\\.\(hostComponent))*(?::[0-9]+)?"
    static let pattern = try! NSRegularExpression(pattern:
        "^((?:\(hostname)/)?\(component)(?:/\(component))*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$")

    /// The error wording follows library-go, which users see in `oc` output.
    public static func parse(_ text: String) throws(PullSpecError) -> PullSpec {
        if text.isEmpty { throw PullSpecError("repository name must have at least one component") }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = pattern.firstMatch(in: text, range: range) else {
            let bare = String(text.prefix { $0 != "@" })
            if bare.lowercased() != bare, (try? parse(bare.lowercased())) != nil { throw PullSpecError("repository name must be lowercase") }
            throw PullSpecError("invalid reference format")
        }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return String(text[range])
        }
        let name = group(1) ?? ""
        if name.count > 255 { throw PullSpecError("repository name must not be more than 255 characters") }
        if let digest = group(3) {
            let parts = digest.split(separator: ":", maxSplits: 1)
            let lengths = ["sha256": 64, "sha384": 96, "sha512": 128]
            guard let expected = lengths[String(parts[0])], parts[1].count == expected else {
                throw PullSpecError("invalid reference format: unsupported digest \(digest)")
            }
        }
        return PullSpec(name: name, tag: group(2), digest: group(3))
    }

    /// Why a text is not a pull spec, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    /// The spec pinned to a digest, tag dropped (`MostSpecific().Exact()`).
    public func pinned(to digest: String) -> String { "\(name)@\(digest)" }

    /// The spec without tag or digest: the repository.
    public var repository: String { name }

    public var exact: String {
        var text = name
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }
}

public struct PullSpecError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
