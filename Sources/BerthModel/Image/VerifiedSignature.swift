/// Berth's own: one of the image's cosign signatures that a signature integration verified.
///
/// StackRox's `signatureVerificationData` judges the image as a whole, one result per
/// integration. OpenShift's ImageSignature says of each signature whether it is trusted and by
/// which key, so the per-signature verdicts are kept beside StackRox's results (the StackRox
/// view leaves them out, as protojson clients reject unknown fields).
public struct VerifiedSignature: Codable, Sendable, Equatable {
    /// Position in `signature.signatures`.
    public var index: Int
    /// The signature integration's id and name.
    public var verifierId: String
    public var verifierName: String
    /// The integration's public key name, or `certificate verifier N`.
    public var verifiedWith: String
    /// The verifying key's low 64 fingerprint bits (`0x…`), OpenShift's `issuedTo.publicKeyID`.
    public var publicKeyID: String

    public init(index: Int, verifierId: String, verifierName: String, verifiedWith: String, publicKeyID: String) {
        self.index = index
        self.verifierId = verifierId
        self.verifierName = verifierName
        self.verifiedWith = verifiedWith
        self.publicKeyID = publicKeyID
    }
}
