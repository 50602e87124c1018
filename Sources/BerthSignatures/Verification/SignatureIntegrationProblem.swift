/// One thing wrong with a signature integration's configuration, located by field.
///
/// A create/update API turns a non-empty list into a 400 that names every field at once; the
/// verifier reports the same problems in its descriptions when it has to skip a key or certificate.
public struct SignatureIntegrationProblem: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A required value is empty.
        case missingField
        /// Neither a public key nor a certificate verifier is configured.
        case noVerificationData
        /// A public key is not a PEM `PUBLIC KEY`.
        case invalidPublicKey
        /// A key (or a certificate's key) uses an algorithm that can never verify here.
        case unsupportedAlgorithm
        /// A trust root or pinned certificate is not usable PEM.
        case invalidCertificate
        /// An identity or issuer expression does not compile.
        case invalidExpression
    }

    /// JSON-path-like location, e.g. `cosign.publicKeys[1].publicKeyPemEnc`.
    public var field: String
    public var kind: Kind
    public var message: String

    public init(field: String, kind: Kind, message: String) {
        self.field = field
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
