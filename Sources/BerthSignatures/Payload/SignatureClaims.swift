import Foundation
import X509

/// What a signature says about itself, read without checking it.
///
/// OpenShift's ImageSignature shows every signature's identity, claims and signer, and says apart
/// from that whether the signature is trusted and whether it is for the image it hangs on; this is
/// that reading. Nothing here may decide trust: a forged signature claims whatever its forger wrote,
/// so trust comes only from ``SignatureVerifier``.
public struct SignatureClaims: Sendable, Hashable {
    public enum Format: Sendable, Hashable {
        /// A legacy `.sig` layer: a simple-signing payload and a detached signature.
        case simpleSigning
        /// A sigstore bundle: a DSSE envelope around an in-toto statement.
        case sigstoreBundle
    }

    public var format: Format
    /// The manifest digests (`sha256:<hex>`) the signature vouches for: the simple-signing digest
    /// claim, or the in-toto subjects' sha256 digests. Empty when the payload cannot be read.
    public var digests: [String]
    /// `critical.identity.docker-reference`; bundles name no repository.
    public var dockerReference: String?
    /// The payload's `optional` section; bundles have none.
    public var optional: [String: ClaimValue]?
    /// The certificate the signature carries (keyless signing), if it carries a readable one.
    public var certificate: CertificateIdentity?
    /// Why the payload could not be read, in words a person can act on; `nil` when it could.
    public var problem: String?

    public init(of signature: CosignSignature) {
        digests = []
        dockerReference = nil
        optional = nil
        certificate = nil
        problem = nil
        if let bundle = signature.sigstoreBundle {
            format = .sigstoreBundle
            readBundle(bundle)
        } else {
            format = .simpleSigning
            do throws(SimpleSigningPayloadError) {
                let payload = try SimpleSigningPayload.decode(signature.payload)
                digests = [payload.dockerManifestDigest]
                dockerReference = payload.dockerReference.isEmpty ? nil : payload.dockerReference
                optional = payload.optional
            } catch {
                problem = "the payload is not a cosign simple-signing document: \(error)"
            }
            if let pem = signature.certificatePEM {
                certificate = try? CertificateIdentity(pem: pem)
            }
        }
    }

    private mutating func readBundle(_ bytes: [UInt8]) {
        guard let bundle = try? JSONDecoder().decode(SigstoreBundle.self, from: Data(bytes)) else {
            problem = "the sigstore bundle is not valid bundle JSON"
            return
        }
        if let der = try? bundle.certificatesDER().first, let leaf = try? Certificate(derEncoded: der) {
            certificate = CertificateIdentity(certificate: leaf)
        }
        guard let envelope = bundle.dsseEnvelope else {
            problem = "the sigstore bundle holds no DSSE envelope"
            return
        }
        guard envelope.payloadType == DSSEEnvelope.inTotoPayloadType,
            let body = Data(base64Encoded: envelope.payload),
            let statement = try? JSONDecoder().decode(InTotoStatement.self, from: body)
        else {
            problem = "the DSSE payload is not an in-toto statement"
            return
        }
        digests = statement.subject.compactMap { $0.digest["sha256"].map { "sha256:" + $0 } }
    }
}
