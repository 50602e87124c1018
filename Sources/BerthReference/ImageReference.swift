/// A parsed, normalised image reference: `[registry[:port]/]path[:tag][@digest]`.
///
/// Parsing follows Docker's `ParseAnyReference` / `ParseNormalizedNamed` (as StackRox's
/// `GenerateImageFromString` uses it), so names compare equal however the user spelled them:
/// `nginx`, `docker.io/nginx` and `index.docker.io/library/nginx` all become
/// registry `docker.io`, repository `library/nginx`.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// Registry authority (`docker.io`, `quay.io`, `127.0.0.1:5000`, `[::1]:5000`); empty for a digest-only reference.
    public var registry: String
    /// The repository path on the registry (StackRox's "remote"), e.g. `library/nginx`; empty for a digest-only reference.
    public var repository: String
    public var tag: String?
    public var digest: Digest?

    public static let defaultRegistry = "docker.io"
    public static let defaultTag = "latest"
    /// Docker's limit on `registry/repository`.
    public static let maxNameLength = 255
    /// Docker Hub aliases: the legacy index and the real registry host name.
    static let dockerHubAliases: Set<String> = ["index.docker.io", "registry-1.docker.io"]
    static let officialPrefix = "library/"

    public init(registry: String, repository: String, tag: String? = nil, digest: Digest? = nil) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    public static func parse(_ text: String) throws(ReferenceError) -> ImageReference {
        guard !text.isEmpty else { throw .empty }

        // ParseAnyReference: a bare image id or a bare digest names content, not a repository.
        if text.utf8.count == 64, text.utf8.allSatisfy(Digest.isLowerHex), let digest = try? Digest.parse("sha256:" + text) {
            return ImageReference(registry: "", repository: "", digest: digest)
        }
        if let digest = try? Digest.parse(text) {
            return ImageReference(registry: "", repository: "", digest: digest)
        }

        // splitDockerDomain: only a first component that looks like a host is a registry.
        var registry: String?
        var remainder = Substring(text)
        if let slash = text.firstIndex(of: "/") {
            let first = text[..<slash]
            if first == "localhost" || first.contains(".") || first.contains(":") {
                registry = String(first)
                remainder = text[text.index(after: slash)...]
            }
        }

        // The name holds neither "@" nor ":", so the first of each starts the digest and the tag.
        var namePart = remainder
        var digestText: Substring?
        if let at = remainder.firstIndex(of: "@") {
            namePart = remainder[..<at]
            digestText = remainder[remainder.index(after: at)...]
        }
        var path = namePart
        var tagText: Substring?
        if let colon = namePart.firstIndex(of: ":") {
            path = namePart[..<colon]
            tagText = namePart[namePart.index(after: colon)...]
        }

        guard isValidPath(path.utf8) else {
            // Like Docker: if lowercasing alone would fix it, say so.
            if isValidPath(asciiLowercased(path).utf8) { throw .uppercase(text) }
            throw .invalidFormat(text)
        }
        if let registry, !isValidRegistry(registry.utf8) {
            throw .invalidFormat(text)
        }
        var tag: String?
        if let tagText {
            try validateTag(tagText)
            tag = String(tagText)
        }
        var digest: Digest?
        if let digestText {
            digest = try Digest.parse(String(digestText))
        }

        var normalisedRegistry = registry ?? defaultRegistry
        if dockerHubAliases.contains(normalisedRegistry) { normalisedRegistry = defaultRegistry }
        var repository = String(path)
        if normalisedRegistry == defaultRegistry, !repository.contains("/") {
            repository = officialPrefix + repository
        }
        guard normalisedRegistry.utf8.count + 1 + repository.utf8.count <= maxNameLength else {
            throw .nameTooLong(text, limit: maxNameLength)
        }
        return ImageReference(registry: normalisedRegistry, repository: repository, tag: tag, digest: digest)
    }

    /// True for `sha256:…` / 64-hex input that names an image by content alone.
    public var isDigestOnly: Bool { repository.isEmpty }

    /// `registry/repository`, without tag or digest: what a registry client addresses.
    public var name: String {
        registry.isEmpty ? repository : registry + "/" + repository
    }

    /// StackRox's `ImageName.fullName`: `latest` is filled in only when there is neither tag nor digest.
    public var fullName: String {
        guard !isDigestOnly else { return digest?.string ?? "" }
        return name + suffix
    }

    /// The same reference with the implicit `latest` tag made explicit (not when pinned by digest).
    public var withDefaultTag: ImageReference {
        var copy = self
        if copy.tag == nil, copy.digest == nil, !isDigestOnly { copy.tag = Self.defaultTag }
        return copy
    }

    /// Docker's short form (`nginx:latest`, `user/app:1`, `quay.io/org/app:2`), with the same tag default as `fullName`.
    public var familiarName: String {
        guard !isDigestOnly else { return digest?.string ?? "" }
        guard registry == Self.defaultRegistry else { return fullName }
        var path = Substring(repository)
        if path.hasPrefix(Self.officialPrefix), !path.dropFirst(Self.officialPrefix.count).contains("/") {
            path = path.dropFirst(Self.officialPrefix.count)
        }
        return String(path) + suffix
    }

    /// The registry's host as written, IPv6 literals keeping their brackets (RFC 3986 authority form).
    public var host: String {
        if registry.hasPrefix("["), let close = registry.firstIndex(of: "]") {
            return String(registry[...close])
        }
        return String(registry.prefix { $0 != ":" })
    }

    /// The registry's explicit port, if any.
    public var port: Int? {
        let rest = registry.dropFirst(host.count)
        guard rest.first == ":" else { return nil }
        return Int(rest.dropFirst())
    }

    /// Loopback registries are where plain HTTP is normal (`docker run registry` on a laptop).
    public var isLocalhost: Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    public var description: String { fullName }

    private var suffix: String {
        var out = ""
        if let tag {
            out += ":" + tag
        } else if digest == nil {
            out += ":" + Self.defaultTag
        }
        if let digest { out += "@" + digest.string }
        return out
    }
}

// MARK: - Grammar (distribution/reference regexp.go, written out by hand)

extension ImageReference {
    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        isLowerAlnum(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func asciiLowercased(_ text: Substring) -> String {
        String(decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// `path-component ('/' path-component)*`.
    private static func isValidPath(_ path: some Collection<UInt8>) -> Bool {
        path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { isValidPathComponent($0) }
    }

    /// `[a-z0-9]+ (separator [a-z0-9]+)*` with separator `.` | `_` | `__` | `-`+.
    private static func isValidPathComponent(_ component: some Collection<UInt8>) -> Bool {
        let bytes = Array(component)
        var i = 0
        while true {
            let start = i
            while i < bytes.count, isLowerAlnum(bytes[i]) { i += 1 }
            guard i > start else { return false }  // empty, or a separator not followed by alnum
            guard i < bytes.count else { return true }
            switch bytes[i] {
            case UInt8(ascii: "."):
                i += 1
            case UInt8(ascii: "_"):
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "_") { i += 1 }
            case UInt8(ascii: "-"):
                while i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            default:
                return false
            }
        }
    }

    /// `host (':' [0-9]+)?` where host is a dotted name (either case), an IPv4 address or `[ipv6]`.
    private static func isValidRegistry(_ registry: some Collection<UInt8>) -> Bool {
        let bytes = Array(registry)
        var hostEnd: Int
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            let inner = bytes[1..<close]
            let ipv6 = inner.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ":") || (($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "f")) }
            guard ipv6 else { return false }
            hostEnd = close + 1
        } else {
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
            let labels = bytes[..<hostEnd].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            let valid = labels.allSatisfy { label in
                guard let first = label.first, let last = label.last, isAlnum(first), isAlnum(last) else { return false }
                return label.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
            }
            guard valid else { return false }
        }
        guard hostEnd < bytes.count else { return true }
        guard bytes[hostEnd] == UInt8(ascii: ":") else { return false }
        let port = bytes[(hostEnd + 1)...]
        return !port.isEmpty && port.allSatisfy(isDigit)
    }

    /// `[\w][\w.-]{0,127}`.
    private static func validateTag(_ tag: Substring) throws(ReferenceError) {
        let text = String(tag)
        guard let first = tag.utf8.first else {
            throw .invalidTag(text, "a tag must not be empty")
        }
        guard isWord(first) else {
            throw .invalidTag(text, "a tag must start with a letter, digit or '_'")
        }
        guard tag.utf8.allSatisfy({ isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            throw .invalidTag(text, "a tag may contain only letters, digits, '_', '.' and '-'")
        }
        guard tag.utf8.count <= 128 else {
            throw .invalidTag(text, "a tag must not be longer than 128 characters")
        }
    }
}
