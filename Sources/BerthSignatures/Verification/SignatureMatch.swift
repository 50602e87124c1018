/// Which signature verified under which verifier.
///
/// StackRox's result keeps only the status; Berth also needs the signer of the verified signature to
/// fill OpenShift's ImageSignature `issuedBy`/`issuedTo`, so the match records it.
public struct SignatureMatch: Sendable, Hashable, Codable {
    /// Index into the signatures passed to ``SignatureVerifier/verify(_:imageDigest:imageNames:at:)``.
    public var signatureIndex: Int
    /// The public key's configured name, or `certificate verifier N`.
    public var verifierName: String
    /// The signing certificate, for keyless signatures.
    public var certificate: CertificateIdentity?

    public init(signatureIndex: Int, verifierName: String, certificate: CertificateIdentity? = nil) {
        self.signatureIndex = signatureIndex
        self.verifierName = verifierName
        self.certificate = certificate
    }
}
