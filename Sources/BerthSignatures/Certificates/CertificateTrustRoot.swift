import X509

/// The CA certificates a certificate verifier trusts, split into anchors and intermediates.
///
/// StackRox takes a configured chain's last certificate as the root and the rest as intermediates.
/// Here self-signed certificates are the anchors wherever they appear, so a pasted bundle of several
/// roots works too; when none is self-signed the last certificate is the anchor, as in StackRox, so
/// pinning an intermediate still works.
public struct CertificateTrustRoot: Sendable, Hashable {
    let anchors: [Certificate]
    let intermediates: [Certificate]

    public init(pem: String) throws(CertificateError) {
        guard pem.contains("-----BEGIN") else { throw .emptyTrustRoot }
        let certificates = try PEMCertificates.parse(pem, what: "the trust root")
        let selfSigned = certificates.filter { $0.subject == $0.issuer }
        if selfSigned.isEmpty, let last = certificates.last {
            self.anchors = [last]
            self.intermediates = Array(certificates.dropLast())
        } else {
            self.anchors = selfSigned
            self.intermediates = certificates.filter { $0.subject != $0.issuer }
        }
    }

    /// Subjects of the trusted anchors, for messages that say what a chain failed to reach.
    public var anchorSubjects: [String] {
        anchors.map { String(describing: $0.subject) }
    }
}
