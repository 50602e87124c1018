/// One named public key of a signature integration (StackRox `CosignPublicKeyVerification.PublicKey`).
///
/// The name travels into every failure description, so a person reading "does not verify with key
/// \"release-2024\"" knows which key to rotate.
public struct CosignPublicKey: Sendable, Hashable, Codable {
    public var name: String
    /// PEM `PUBLIC KEY` (SubjectPublicKeyInfo), as in `cosign.pub`.
    public var pem: String

    public init(name: String, pem: String) {
        self.name = name
        self.pem = pem
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case pem = "publicKeyPemEnc"
    }
}
