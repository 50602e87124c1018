import Foundation

/// Registry and repository of an image name, normalised so spellings of one repository compare equal.
///
/// StackRox decides which of an image's names a simple-signing signature covers by comparing
/// go-containerregistry's `RegistryStr()`/`RepositoryStr()` of the payload's docker-reference with
/// each name's. This reproduces that normalisation: Docker Hub aliases collapse, single-component
/// Hub repositories gain `library/`, tags and digests are ignored.
struct RepositoryName: Sendable, Hashable {
    static let dockerHub = "docker.io"
    private static let dockerHubAliases: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io"]

    var registry: String
    var repository: String

    init?(_ reference: String) {
        var text = Substring(reference.trimmingCharacters(in: .whitespaces))
        if let at = text.firstIndex(of: "@") { text = text[..<at] }
        var registry: Substring?
        if let slash = text.firstIndex(of: "/") {
            let first = text[..<slash]
            if first == "localhost" || first.contains(".") || first.contains(":") {
                registry = first
                text = text[text.index(after: slash)...]
            }
        }
        // In the remainder a colon can only start the tag.
        if let colon = text.lastIndex(of: ":") { text = text[..<colon] }
        guard !text.isEmpty, !text.hasPrefix("/"), !text.hasSuffix("/"), !text.contains("//"),
            text.allSatisfy({ $0.isLowercase || $0.isNumber || "._-/".contains($0) })
        else { return nil }
        var host = String(registry ?? Substring(Self.dockerHub))
        if Self.dockerHubAliases.contains(host) { host = Self.dockerHub }
        var path = String(text)
        if host == Self.dockerHub, !path.contains("/") { path = "library/" + path }
        self.registry = host
        self.repository = path
    }

    var description: String { registry + "/" + repository }
}
