/// Why certificate text (a signature's leaf or chain, or a configured trust root) cannot be used.
///
/// Kept apart from ``PublicKeyError`` because the remedy is about certificates: a configured trust
/// root is fixed by pasting other PEM, a signature's certificate only by re-signing.
public enum CertificateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text holds no usable PEM `CERTIFICATE` block, or a block is not a valid X.509 certificate.
    case notPEMCertificate(String)
    /// The certificate parses but certifies a key whose algorithm cannot verify signatures here.
    case unsupportedKeyAlgorithm(String)
    /// A trust root was configured with no certificates in it.
    case emptyTrustRoot

    /// True when the certificate can never be used here, whatever else is fixed.
    public var isUnsupportedAlgorithm: Bool {
        if case .unsupportedKeyAlgorithm = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .notPEMCertificate(let reason):
            return "not a PEM certificate: \(reason)"
        case .unsupportedKeyAlgorithm(let reason):
            return "certificate key is not usable: \(reason)"
        case .emptyTrustRoot:
            return "the trust root holds no certificates; paste the PEM root CA (and any intermediates) that issue the signing certificates"
        }
    }
}
