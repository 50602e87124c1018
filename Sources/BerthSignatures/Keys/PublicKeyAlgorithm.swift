/// The signature schemes a cosign verification key can use here.
///
/// Each case fixes the hash too, because a signature integration stores only a key: cosign signs
/// with SHA-256 for P-256 and RSA, the curve's matching hash for P-384/P-521 (with SHA-256 also
/// accepted, as StackRox loads every key with SHA-256), and Ed25519 over the raw message.
public enum PublicKeyAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// ECDSA on P-256 with SHA-256: what `cosign generate-key-pair` makes.
    case ecdsaP256 = "ECDSA_P256_SHA256"
    /// ECDSA on P-384 with SHA-384 (or SHA-256).
    case ecdsaP384 = "ECDSA_P384_SHA384"
    /// ECDSA on P-521 with SHA-512 (or SHA-256).
    case ecdsaP521 = "ECDSA_P521_SHA512"
    /// RSA, at least 2048 bits, PKCS#1 v1.5 or PSS with SHA-256.
    case rsa = "RSA_SHA256"
    /// Ed25519 (pure, not pre-hashed).
    case ed25519 = "ED25519"
}
