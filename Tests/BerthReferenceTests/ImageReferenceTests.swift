import Testing
import BerthReference

private let hex256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
private let hex384 = "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"
private let hex512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
private let sha256 = "sha256:" + hex256
private let sha384 = "sha384:" + hex384
private let sha512 = "sha512:" + hex512

/// `docker.io/library/` is 18 characters, so a 237-character name is exactly at the 255 limit.
private let longestName = String(repeating: "a", count: 237)
private let tag128 = String(repeating: "t", count: 128)

struct Valid: Sendable, CustomTestStringConvertible {
    let input: String
    let registry: String
    let repository: String
    let tag: String?
    let digest: String?
    let fullName: String
    let familiarName: String

    init(_ input: String, _ registry: String, _ repository: String, tag: String? = nil, digest: String? = nil,
         full: String, familiar: String) {
        self.input = input
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.fullName = full
        self.familiarName = familiar
    }

    var testDescription: String { input.count > 60 ? String(input.prefix(57)) + "..." : input }
}

struct Invalid: Sendable, CustomTestStringConvertible {
    let input: String
    let message: String

    init(_ input: String, _ message: String) {
        self.input = input
        self.message = message
    }

    var testDescription: String { input.count > 60 ? String(input.prefix(57)) + "..." : "\"\(input)\"" }
}

private let validCases: [Valid] = [
    // Docker Hub normalisation.
    Valid("nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("nginx:1.25", "docker.io", "library/nginx", tag: "1.25", full: "docker.io/library/nginx:1.25", familiar: "nginx:1.25"),
    Valid("library/nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("docker.io/nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("docker.io/library/nginx:1.25", "docker.io", "library/nginx", tag: "1.25", full: "docker.io/library/nginx:1.25", familiar: "nginx:1.25"),
    Valid("index.docker.io/library/nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("index.docker.io/nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("registry-1.docker.io/x/y", "docker.io", "x/y", full: "docker.io/x/y:latest", familiar: "x/y:latest"),
    Valid("registry-1.docker.io/nginx", "docker.io", "library/nginx", full: "docker.io/library/nginx:latest", familiar: "nginx:latest"),
    Valid("user/app", "docker.io", "user/app", full: "docker.io/user/app:latest", familiar: "user/app:latest"),
    Valid("docker.io/library/ubuntu/sub", "docker.io", "library/ubuntu/sub", full: "docker.io/library/ubuntu/sub:latest", familiar: "library/ubuntu/sub:latest"),
    Valid("docker.io/library", "docker.io", "library/library", full: "docker.io/library/library:latest", familiar: "library:latest"),
    // Watched-image normalisation (StackRox §2.7).
    Valid("docker.io/wordpress:latest", "docker.io", "library/wordpress", tag: "latest", full: "docker.io/library/wordpress:latest", familiar: "wordpress:latest"),
    Valid("wordpress", "docker.io", "library/wordpress", full: "docker.io/library/wordpress:latest", familiar: "wordpress:latest"),
    // Other registries.
    Valid("quay.io/org/app:4.2.1", "quay.io", "org/app", tag: "4.2.1", full: "quay.io/org/app:4.2.1", familiar: "quay.io/org/app:4.2.1"),
    Valid("quay.io/rhacs-eng/main:4.2.1", "quay.io", "rhacs-eng/main", tag: "4.2.1", full: "quay.io/rhacs-eng/main:4.2.1", familiar: "quay.io/rhacs-eng/main:4.2.1"),
    Valid("gcr.io/project/sub/image", "gcr.io", "project/sub/image", full: "gcr.io/project/sub/image:latest", familiar: "gcr.io/project/sub/image:latest"),
    Valid("my-registry.local:5000/a/b/c/d:1", "my-registry.local:5000", "a/b/c/d", tag: "1", full: "my-registry.local:5000/a/b/c/d:1", familiar: "my-registry.local:5000/a/b/c/d:1"),
    Valid("Quay.IO/org/app", "Quay.IO", "org/app", full: "Quay.IO/org/app:latest", familiar: "Quay.IO/org/app:latest"),
    Valid("Registry.Example.COM:443/team/app:v2", "Registry.Example.COM:443", "team/app", tag: "v2", full: "Registry.Example.COM:443/team/app:v2", familiar: "Registry.Example.COM:443/team/app:v2"),
    // Ports, localhost and IP addresses.
    Valid("myreg:5000/app", "myreg:5000", "app", full: "myreg:5000/app:latest", familiar: "myreg:5000/app:latest"),
    Valid("localhost/app", "localhost", "app", full: "localhost/app:latest", familiar: "localhost/app:latest"),
    Valid("localhost:5000/a/b:t", "localhost:5000", "a/b", tag: "t", full: "localhost:5000/a/b:t", familiar: "localhost:5000/a/b:t"),
    Valid("127.0.0.1:5000/test/app:1.0", "127.0.0.1:5000", "test/app", tag: "1.0", full: "127.0.0.1:5000/test/app:1.0", familiar: "127.0.0.1:5000/test/app:1.0"),
    Valid("10.0.0.1/app", "10.0.0.1", "app", full: "10.0.0.1/app:latest", familiar: "10.0.0.1/app:latest"),
    Valid("[::1]:5000/app", "[::1]:5000", "app", full: "[::1]:5000/app:latest", familiar: "[::1]:5000/app:latest"),
    Valid("[2001:db8::1]/team/app:v1", "[2001:db8::1]", "team/app", tag: "v1", full: "[2001:db8::1]/team/app:v1", familiar: "[2001:db8::1]/team/app:v1"),
    // A single component is never a registry (Docker's familiar-name fast path).
    Valid("localhost", "docker.io", "library/localhost", full: "docker.io/library/localhost:latest", familiar: "localhost:latest"),
    Valid("localhost:5000", "docker.io", "library/localhost", tag: "5000", full: "docker.io/library/localhost:5000", familiar: "localhost:5000"),
    Valid("example.com", "docker.io", "library/example.com", full: "docker.io/library/example.com:latest", familiar: "example.com:latest"),
    // Digests.
    Valid("ghcr.io/o/r@" + sha256, "ghcr.io", "o/r", digest: sha256, full: "ghcr.io/o/r@" + sha256, familiar: "ghcr.io/o/r@" + sha256),
    Valid("nginx@" + sha256, "docker.io", "library/nginx", digest: sha256, full: "docker.io/library/nginx@" + sha256, familiar: "nginx@" + sha256),
    Valid("nginx:1.25@" + sha256, "docker.io", "library/nginx", tag: "1.25", digest: sha256, full: "docker.io/library/nginx:1.25@" + sha256, familiar: "nginx:1.25@" + sha256),
    Valid("docker.io/library/nginx:1.25@" + sha256, "docker.io", "library/nginx", tag: "1.25", digest: sha256, full: "docker.io/library/nginx:1.25@" + sha256, familiar: "nginx:1.25@" + sha256),
    Valid("quay.io/org/app@" + sha512, "quay.io", "org/app", digest: sha512, full: "quay.io/org/app@" + sha512, familiar: "quay.io/org/app@" + sha512),
    Valid("app:v1@" + sha384, "docker.io", "library/app", tag: "v1", digest: sha384, full: "docker.io/library/app:v1@" + sha384, familiar: "app:v1@" + sha384),
    Valid("localhost:5000/app@" + sha256, "localhost:5000", "app", digest: sha256, full: "localhost:5000/app@" + sha256, familiar: "localhost:5000/app@" + sha256),
    // Digest-only references (ParseAnyReference).
    Valid(hex256, "", "", digest: sha256, full: sha256, familiar: sha256),
    Valid(sha256, "", "", digest: sha256, full: sha256, familiar: sha256),
    Valid(sha512, "", "", digest: sha512, full: sha512, familiar: sha512),
    // A too-short "digest" without "@" is just a name with a tag, as in Docker.
    Valid("sha256:abc", "docker.io", "library/sha256", tag: "abc", full: "docker.io/library/sha256:abc", familiar: "sha256:abc"),
    // A 64-hex path component inside a name is fine.
    Valid("docker.io/library/" + hex256, "docker.io", "library/" + hex256, full: "docker.io/library/\(hex256):latest", familiar: hex256 + ":latest"),
    // Path-component separators.
    Valid("a__b", "docker.io", "library/a__b", full: "docker.io/library/a__b:latest", familiar: "a__b:latest"),
    Valid("team/a_b.c-d---e", "docker.io", "team/a_b.c-d---e", full: "docker.io/team/a_b.c-d---e:latest", familiar: "team/a_b.c-d---e:latest"),
    Valid("0/1", "docker.io", "0/1", full: "docker.io/0/1:latest", familiar: "0/1:latest"),
    Valid("a/b.c", "docker.io", "a/b.c", full: "docker.io/a/b.c:latest", familiar: "a/b.c:latest"),
    // Tags.
    Valid("nginx:Latest_1.0-RC", "docker.io", "library/nginx", tag: "Latest_1.0-RC", full: "docker.io/library/nginx:Latest_1.0-RC", familiar: "nginx:Latest_1.0-RC"),
    Valid("nginx:_x", "docker.io", "library/nginx", tag: "_x", full: "docker.io/library/nginx:_x", familiar: "nginx:_x"),
    Valid("nginx:" + tag128, "docker.io", "library/nginx", tag: tag128, full: "docker.io/library/nginx:" + tag128, familiar: "nginx:" + tag128),
    // Length limit is on the normalised `registry/repository`.
    Valid(longestName, "docker.io", "library/" + longestName, full: "docker.io/library/\(longestName):latest", familiar: longestName + ":latest"),
]

private let invalidCases: [Invalid] = [
    Invalid("", "reference is empty"),
    Invalid(":tag", "invalid reference format: \":tag\""),
    Invalid("@" + sha256, "invalid reference format: \"@sha256:"),
    Invalid(":", "invalid reference format"),
    Invalid("@", "invalid reference format"),
    // Uppercase repository names.
    Invalid("docker.io/Library/nginx", "repository name must be lowercase: \"docker.io/Library/nginx\""),
    Invalid("Nginx", "repository name must be lowercase: \"Nginx\""),
    Invalid("Nginx:1.0", "repository name must be lowercase"),
    Invalid("quay.io/Org/app", "repository name must be lowercase"),
    Invalid("MyUser/app", "repository name must be lowercase"),
    Invalid("LOCALHOST/app", "repository name must be lowercase"),
    // Bad characters and shapes.
    Invalid("Foo Bar", "invalid reference format: \"Foo Bar\""),
    Invalid("nginx latest", "invalid reference format"),
    Invalid(" nginx", "invalid reference format"),
    Invalid("nginx\n", "invalid reference format: \"nginx\\n\""),
    Invalid("ngínx", "invalid reference format"),
    Invalid("a//b", "invalid reference format: \"a//b\""),
    Invalid("docker.io//nginx", "invalid reference format"),
    Invalid("nginx/", "invalid reference format"),
    Invalid("quay.io/", "invalid reference format"),
    Invalid("/nginx", "invalid reference format"),
    Invalid("-leading", "invalid reference format: \"-leading\""),
    Invalid("nginx-", "invalid reference format"),
    Invalid("a___b", "invalid reference format: \"a___b\""),
    Invalid("a..b", "invalid reference format"),
    Invalid("a._b", "invalid reference format"),
    Invalid(".nginx", "invalid reference format"),
    // Registries.
    Invalid("myreg:abc/app", "invalid reference format: \"myreg:abc/app\""),
    Invalid("myreg:/app", "invalid reference format"),
    Invalid("myreg:50:00/app", "invalid reference format"),
    Invalid("https://quay.io/app", "invalid reference format"),
    Invalid("[::1/app", "invalid reference format"),
    Invalid("[]:5000/app", "invalid reference format"),
    Invalid("[::g]/app", "invalid reference format"),
    Invalid("-bad.io/app", "invalid reference format"),
    Invalid("bad-.io/app", "invalid reference format"),
    Invalid("a..io/app", "invalid reference format"),
    Invalid("a_b.io/app", "invalid reference format"),
    // Tags.
    Invalid("nginx:bad!tag", "invalid tag \"bad!tag\": a tag may contain only"),
    Invalid("nginx:", "invalid tag \"\": a tag must not be empty"),
    Invalid("nginx:.hidden", "invalid tag \".hidden\": a tag must start with"),
    Invalid("nginx:-x", "a tag must start with"),
    Invalid("nginx:" + tag128 + "t", "a tag must not be longer than 128 characters"),
    Invalid("nginx:1.0:2.0", "invalid tag \"1.0:2.0\""),
    Invalid("nginx:tag/x", "invalid reference format"),
    // Digests.
    Invalid("nginx@sha256:abc", "invalid digest \"sha256:abc\": sha256 digests have 64 hex characters"),
    Invalid("nginx@sha256:" + hex256.uppercased(), "digest hex must be lowercase"),
    Invalid("nginx@md5:d41d8cd98f00b204e9800998ecf8427e", "unsupported digest algorithm \"md5\""),
    Invalid("nginx@SHA256:" + hex256, "unsupported digest algorithm \"SHA256\""),
    Invalid("nginx@latest", "invalid digest \"latest\": expected <algorithm>:<hex>"),
    Invalid("nginx@sha512:" + hex256, "sha512 digests have 128 hex characters"),
    Invalid("nginx@sha384:" + hex256, "sha384 digests have 96 hex characters"),
    Invalid("nginx:tag@", "invalid digest \"\""),
    Invalid("nginx@" + sha256 + "@" + sha256, "invalid digest"),
    Invalid("nginx@" + sha256 + "0", "sha256 digests have 64 hex characters"),
    // Length.
    Invalid(longestName + "a", "repository name must not be longer than 255 characters"),
    Invalid("quay.io/" + String(repeating: "b/", count: 124) + "bb", "repository name must not be longer than 255 characters"),
]

@Suite struct ImageReferenceParsing {
    @Test(arguments: validCases)
    func parsesValid(_ c: Valid) throws {
        let ref = try ImageReference.parse(c.input)
        #expect(ref.registry == c.registry)
        #expect(ref.repository == c.repository)
        #expect(ref.tag == c.tag)
        #expect(ref.digest?.string == c.digest)
        #expect(ref.fullName == c.fullName)
        #expect(ref.description == c.fullName)
        #expect(ref.familiarName == c.familiarName)
    }

    /// Normalisation is idempotent: the full name parses back to the same reference.
    @Test(arguments: validCases)
    func fullNameRoundTrips(_ c: Valid) throws {
        let ref = try ImageReference.parse(c.input)
        let again = try ImageReference.parse(ref.fullName)
        #expect(again == ref.withDefaultTag)
        #expect(try ImageReference.parse(ref.familiarName) == ref.withDefaultTag)
    }

    @Test(arguments: invalidCases)
    func rejectsInvalid(_ c: Invalid) {
        #expect {
            _ = try ImageReference.parse(c.input)
        } throws: { error in
            guard let error = error as? ReferenceError else { return false }
            return error.message.contains(c.message) && error.description == error.message
        }
    }

    @Test func spellingsOfTheSameImageAreEqual() throws {
        let spellings = ["nginx", "library/nginx", "docker.io/nginx", "docker.io/library/nginx",
                         "index.docker.io/nginx", "registry-1.docker.io/library/nginx"]
        let refs = try spellings.map { try ImageReference.parse($0) }
        #expect(Set(refs).count == 1)
        #expect(try ImageReference.parse("nginx") != ImageReference.parse("nginx:latest"))
        #expect(try ImageReference.parse("nginx").withDefaultTag == ImageReference.parse("nginx:latest"))
    }

    @Test func withDefaultTag() throws {
        #expect(try ImageReference.parse("nginx").withDefaultTag.tag == "latest")
        #expect(try ImageReference.parse("nginx:1").withDefaultTag.tag == "1")
        #expect(try ImageReference.parse("nginx@" + sha256).withDefaultTag.tag == nil)
        #expect(try ImageReference.parse(hex256).withDefaultTag.tag == nil)
        #expect(try ImageReference.parse("nginx").name == "docker.io/library/nginx")
        #expect(try ImageReference.parse(hex256).isDigestOnly)
        #expect(try !ImageReference.parse("nginx").isDigestOnly)
    }
}

struct HostCase: Sendable, CustomTestStringConvertible {
    let input: String
    let host: String
    let port: Int?
    let isLocalhost: Bool
    var testDescription: String { input }
}

@Suite struct RegistryHost {
    @Test(arguments: [
        HostCase(input: "nginx", host: "docker.io", port: nil, isLocalhost: false),
        HostCase(input: "quay.io/org/app", host: "quay.io", port: nil, isLocalhost: false),
        HostCase(input: "myreg:5000/app", host: "myreg", port: 5000, isLocalhost: false),
        HostCase(input: "localhost/app", host: "localhost", port: nil, isLocalhost: true),
        HostCase(input: "localhost:5000/a/b:t", host: "localhost", port: 5000, isLocalhost: true),
        HostCase(input: "127.0.0.1:5000/test/app:1.0", host: "127.0.0.1", port: 5000, isLocalhost: true),
        HostCase(input: "127.10.0.3/app", host: "127.10.0.3", port: nil, isLocalhost: true),
        HostCase(input: "127.example.com/app", host: "127.example.com", port: nil, isLocalhost: false),
        HostCase(input: "[::1]:5000/app", host: "[::1]", port: 5000, isLocalhost: true),
        HostCase(input: "[2001:db8::1]/app", host: "[2001:db8::1]", port: nil, isLocalhost: false),
        HostCase(input: "Registry.Example.COM:443/team/app", host: "Registry.Example.COM", port: 443, isLocalhost: false),
    ])
    func splitsRegistry(_ c: HostCase) throws {
        let ref = try ImageReference.parse(c.input)
        #expect(ref.host == c.host)
        #expect(ref.port == c.port)
        #expect(ref.isLocalhost == c.isLocalhost)
    }

    @Test func digestOnlyHasNoHost() throws {
        let ref = try ImageReference.parse(hex256)
        #expect(ref.host == "")
        #expect(ref.port == nil)
        #expect(!ref.isLocalhost)
    }
}

@Suite struct DigestParsing {
    @Test(arguments: [sha256, sha384, sha512])
    func parsesSupported(_ text: String) throws {
        let digest = try Digest.parse(text)
        #expect(digest.string == text)
        #expect(digest.description == text)
        #expect(digest.algorithm + ":" + digest.hex == text)
    }

    @Test(arguments: [
        ("", "expected <algorithm>:<hex>"),
        (":" + hex256, "expected <algorithm>:<hex>"),
        (hex256, "invalid digest \"\(hex256)\": expected <algorithm>:<hex>"),
        ("sha256:", "sha256 digests have 64 hex characters"),
        ("sha256:abc", "invalid digest \"sha256:abc\": sha256 digests have 64 hex characters"),
        ("sha256:" + String(hex256.dropLast()) + "g", "digest hex must be lowercase 0-9a-f"),
        ("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", "unsupported digest algorithm \"sha1\""),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect {
            _ = try Digest.parse(text)
        } throws: { error in
            (error as? ReferenceError)?.message.contains(message) == true
        }
    }

    @Test func normalizesIDs() {
        #expect(Digest.normalizedID(hex256) == sha256)
        #expect(Digest.normalizedID(sha256) == sha256)
        #expect(Digest.normalizedID(sha512) == sha512)
    }
}
