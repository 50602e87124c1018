/// Which signature verified under which verifier.
///
/// StackRox's result keeps only the status; Berth also needs the signer of the verified signature to
/// fill OpenShift's ImageSignature `issuedBy`/`issuedTo`, so the match records it: the certificate
/// for a keyless signature, the key's fingerprint for a keyed one (which carries no certificate).
public struct SignatureMatch: Sendable, Hashable, Codable {
    /// Index into the signatures passed to ``SignatureVerifier/verify(_:imageDigest:imageNames:at:)``.
    public var signatureIndex: Int
    /// The public key's configured name, or `certificate verifier N`.
    public var verifierName: String
    /// The signing certificate, for keyless signatures.
    public var certificate: CertificateIdentity?
    /// The verifying key's ``PublicKeyVerifier/publicKeyID`` (`0x…`): the certificate's key for a
    /// keyless signature, the configured key otherwise.
    public var publicKeyID: String

    public init(signatureIndex: Int, verifierName: String, certificate: CertificateIdentity? = nil, publicKeyID: String? = nil) {
        self.signatureIndex = signatureIndex
        self.verifierName = verifierName
        self.certificate = certificate
        self.publicKeyID = publicKeyID ?? certificate?.publicKeyID ?? ""
    }
}
