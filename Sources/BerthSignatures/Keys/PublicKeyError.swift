/// Why a configured public key cannot be used, in two kinds a caller must tell apart.
///
/// A signature-integration API answers both with 400 at create time, but the remedy differs:
/// ``notPEMPublicKey(_:)`` means "paste the right thing" and ``unsupportedAlgorithm(algorithm:remedy:)``
/// means "this key can never work here, make another one". At verification time the second kind
/// becomes `INVALID_SIGNATURE_ALGO` and the first `GENERIC_ERROR`.
public enum PublicKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not one PEM `PUBLIC KEY` block holding a DER SubjectPublicKeyInfo.
    case notPEMPublicKey(String)
    /// The key is well-formed but its algorithm (or size) is not one cosign verification supports.
    case unsupportedAlgorithm(algorithm: String, remedy: String)

    /// True for keys that are readable but can never verify here.
    public var isUnsupportedAlgorithm: Bool {
        if case .unsupportedAlgorithm = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .notPEMPublicKey(let reason):
            return "not a PEM public key: \(reason)"
        case .unsupportedAlgorithm(let algorithm, let remedy):
            return "unsupported key algorithm \(algorithm): \(remedy)"
        }
    }

    static let supportedList = "use ECDSA P-256 (what `cosign generate-key-pair` makes), P-384, P-521, RSA of at least 2048 bits, or Ed25519"
}
