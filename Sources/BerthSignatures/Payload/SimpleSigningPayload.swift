import Foundation

/// The simple-signing JSON document cosign signs for a container image.
///
/// The signature covers the raw payload bytes, so this type is for reading claims after (or while)
/// the bytes are verified, never for re-serialising a payload to check a signature against.
///
/// Two spellings of the digest key exist in the wild: sigstore's Go struct writes
/// `docker-manifest-digest`, the spec's example writes `Docker-manifest-digest`, and Go's JSON decoder
/// accepts both because it matches keys case-insensitively. Swift's `Codable` is case-sensitive, so
/// both are decoded explicitly; encoding always writes the lowercase spelling cosign emits.
public struct SimpleSigningPayload: Sendable, Hashable, Codable {
    /// The type every cosign legacy signature declares.
    public static let cosignType = "cosign container image signature"
    /// The predicate type cosign v3 uses for its new-bundle signatures; some tooling echoes it as `critical.type`.
    public static let sigstoreSignV1Type = "https://sigstore.dev/cosign/sign/v1"
    /// Types accepted as "this payload signs a container image".
    public static let acceptedTypes: Set<String> = [cosignType, sigstoreSignV1Type]

    /// `critical.type`.
    public var type: String
    /// `critical.image.docker-manifest-digest`: the manifest digest the signer vouches for.
    public var dockerManifestDigest: String
    /// `critical.identity.docker-reference`: the repository the signer named (StackRox uses it to pick
    /// which of an image's names the signature covers).
    public var dockerReference: String
    /// `optional`: free-form claims; `nil` when the payload has `"optional": null` or no such key.
    public var optional: [String: ClaimValue]?

    public init(
        type: String = SimpleSigningPayload.cosignType,
        dockerManifestDigest: String,
        dockerReference: String,
        optional: [String: ClaimValue]? = nil
    ) {
        self.type = type
        self.dockerManifestDigest = dockerManifestDigest
        self.dockerReference = dockerReference
        self.optional = optional
    }

    /// Decodes payload bytes, reporting why they are unacceptable in terms a person can act on.
    public static func decode(_ bytes: [UInt8]) throws(SimpleSigningPayloadError) -> SimpleSigningPayload {
        do {
            return try JSONDecoder().decode(SimpleSigningPayload.self, from: Data(bytes))
        } catch let error as SimpleSigningPayloadError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw .missingField(Self.path(context.codingPath + [key]))
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw .missingField(Self.path(context.codingPath))
        } catch let DecodingError.valueNotFound(_, context) where !context.codingPath.isEmpty {
            throw .missingField(Self.path(context.codingPath))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw .missingField(Self.path(context.codingPath))
        } catch {
            throw .notJSON(Self.shortReason(error))
        }
    }

    /// The payload as cosign writes it: sorted keys, lowercase digest key, `"optional": null` when empty.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self))
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map(\.stringValue).joined(separator: ".")
    }

    private static func shortReason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
        }
        if case DecodingError.typeMismatch(_, let context) = error {
            return context.debugDescription
        }
        return String(describing: error)
    }

    private enum TopKeys: String, CodingKey { case critical, optional }
    private enum CriticalKeys: String, CodingKey { case identity, image, type }
    private enum IdentityKeys: String, CodingKey { case dockerReference = "docker-reference" }
    private enum ImageKeys: String, CodingKey {
        case lowercase = "docker-manifest-digest"
        case capitalised = "Docker-manifest-digest"
    }

    public init(from decoder: any Decoder) throws {
        let top = try decoder.container(keyedBy: TopKeys.self)
        let critical = try top.nestedContainer(keyedBy: CriticalKeys.self, forKey: .critical)
        let type = try critical.decode(String.self, forKey: .type)
        guard Self.acceptedTypes.contains(type) else {
            throw SimpleSigningPayloadError.unsupportedType(type)
        }
        let image = try critical.nestedContainer(keyedBy: ImageKeys.self, forKey: .image)
        let lower = try image.decodeIfPresent(String.self, forKey: .lowercase)
        let upper = try image.decodeIfPresent(String.self, forKey: .capitalised)
        if let lower, let upper, lower != upper {
            throw SimpleSigningPayloadError.conflictingDigests(lower, upper)
        }
        guard let digest = lower ?? upper else {
            throw SimpleSigningPayloadError.missingField("critical.image.docker-manifest-digest")
        }
        // cosign always writes an identity; a payload without one still names its digest, so the
        // reference degrades to empty and the verifier reports that no image name matches it.
        var reference = ""
        if critical.contains(.identity), try !critical.decodeNil(forKey: .identity) {
            let identity = try critical.nestedContainer(keyedBy: IdentityKeys.self, forKey: .identity)
            reference = try identity.decodeIfPresent(String.self, forKey: .dockerReference) ?? ""
        }
        self.type = type
        self.dockerManifestDigest = digest
        self.dockerReference = reference
        self.optional = try top.decodeIfPresent([String: ClaimValue].self, forKey: .optional)
    }

    public func encode(to encoder: any Encoder) throws {
        var top = encoder.container(keyedBy: TopKeys.self)
        var critical = top.nestedContainer(keyedBy: CriticalKeys.self, forKey: .critical)
        var identity = critical.nestedContainer(keyedBy: IdentityKeys.self, forKey: .identity)
        try identity.encode(dockerReference, forKey: .dockerReference)
        var image = critical.nestedContainer(keyedBy: ImageKeys.self, forKey: .image)
        try image.encode(dockerManifestDigest, forKey: .lowercase)
        try critical.encode(type, forKey: .type)
        if let optional {
            try top.encode(optional, forKey: .optional)
        } else {
            try top.encodeNil(forKey: .optional)
        }
    }
}
