/// The in-toto statement a cosign v3 signature bundle wraps: which digests the signer vouches for.
///
/// Per sigstore/cosign#5014 the subject carries only the digest, no name, so a verified bundle covers
/// every name of the image (StackRox's rule for bundles).
struct InTotoStatement: Sendable, Decodable {
    struct Subject: Sendable, Decodable {
        var name: String?
        var digest: [String: String]
    }

    /// The predicate type cosign v3 `sign` writes; attestations use other types and are not signatures.
    static let cosignSignPredicateType = "https://sigstore.dev/cosign/sign/v1"

    var type: String?
    var subject: [Subject]
    var predicateType: String

    private enum CodingKeys: String, CodingKey {
        case type = "_type"
        case subject, predicateType
    }
}
