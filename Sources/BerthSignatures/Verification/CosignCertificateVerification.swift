/// A keyless-style verifier: a trust root plus identity constraints (StackRox `CosignCertificateVerification`).
///
/// StackRox falls back to the public Sigstore (Fulcio) roots when no chain is configured; this engine
/// ships no roots and fetches nothing, so a trust root is required and its absence is a
/// configuration problem rather than a silent download.
public struct CosignCertificateVerification: Sendable, Hashable, Codable {
    /// PEM CA certificates: one or more roots, optionally with intermediates (`certificateChainPemEnc`).
    public var trustRootPEM: String
    /// An optional pinned signing certificate (`certificatePemEnc`). When set, signatures are checked
    /// with this certificate's key instead of the certificate they carry, as StackRox does.
    public var certificatePEM: String?
    /// Regular expression over the certificate's SANs (`certificateIdentity`); empty or `.*` means any.
    public var identity: String
    /// Regular expression over the Fulcio OIDC issuer extension (`certificateOidcIssuer`); empty or `.*` means any.
    public var oidcIssuer: String

    public init(trustRootPEM: String, certificatePEM: String? = nil, identity: String, oidcIssuer: String) {
        self.trustRootPEM = trustRootPEM
        self.certificatePEM = certificatePEM
        self.identity = identity
        self.oidcIssuer = oidcIssuer
    }

    private enum CodingKeys: String, CodingKey {
        case trustRootPEM = "certificateChainPemEnc"
        case certificatePEM = "certificatePemEnc"
        case identity = "certificateIdentity"
        case oidcIssuer = "certificateOidcIssuer"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trustRootPEM = try container.decodeIfPresent(String.self, forKey: .trustRootPEM) ?? ""
        let pinned = try container.decodeIfPresent(String.self, forKey: .certificatePEM)
        certificatePEM = (pinned?.isEmpty ?? true) ? nil : pinned
        identity = try container.decodeIfPresent(String.self, forKey: .identity) ?? ""
        oidcIssuer = try container.decodeIfPresent(String.self, forKey: .oidcIssuer) ?? ""
    }
}
