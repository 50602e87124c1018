import Foundation
import X509

/// One signature decoded far enough to be checked, or the reason it is corrupt.
///
/// Decoding happens once per signature, before any verifier runs, mirroring StackRox, which
/// reassembles every stored signature (`retrieveVerificationDataFromImage`) before verifying any.
struct PreparedSignature: Sendable {
    enum Content: Sendable {
        /// A legacy `.sig` layer: the signature covers the payload bytes themselves.
        case simpleSigning(payload: [UInt8], signature: [UInt8], claims: Result<SimpleSigningPayload, SimpleSigningPayloadError>)
        /// A sigstore bundle: each signature covers the DSSE pre-authentication encoding.
        case dsse(payloadType: String, encoding: [UInt8], signatures: [[UInt8]], statement: InTotoStatement?)
    }

    struct Certificates: Sendable {
        var leaf: Certificate
        var chain: [Certificate]
    }

    /// Position in the caller's array, so results can point back at the signature.
    var index: Int
    var content: Content
    /// `nil` when the signature carries no certificate (it was made with a key).
    var certificates: Result<Certificates, VerificationFailure>?

    static func prepare(_ signature: CosignSignature, index: Int) -> Result<PreparedSignature, VerificationFailure> {
        if let bundle = signature.sigstoreBundle {
            return prepareBundle(bundle, index: index)
        }
        let compact = signature.signatureBase64.filter { !$0.isWhitespace }
        guard !compact.isEmpty else {
            return .failure(.corrupted("the \(CosignAnnotation.signature) annotation is empty"))
        }
        guard let raw = Data(base64Encoded: compact), !raw.isEmpty else {
            return .failure(.corrupted("the \(CosignAnnotation.signature) annotation is not valid base64"))
        }
        let claims: Result<SimpleSigningPayload, SimpleSigningPayloadError>
        do throws(SimpleSigningPayloadError) {
            claims = .success(try SimpleSigningPayload.decode(signature.payload))
        } catch {
            if case .unsupportedType = error {
                // Well-formed, just not an image signature: reported after the signature itself is checked.
                claims = .failure(error)
            } else {
                return .failure(.corrupted("the signed payload is not a cosign simple-signing document: \(error)"))
            }
        }
        var certificates: Result<Certificates, VerificationFailure>?
        if let pem = signature.certificatePEM {
            certificates = parseCertificates(leafPEM: pem, chainPEM: signature.chainPEM)
        }
        return .success(PreparedSignature(
            index: index,
            content: .simpleSigning(payload: signature.payload, signature: [UInt8](raw), claims: claims),
            certificates: certificates))
    }

    private static func parseCertificates(leafPEM: String, chainPEM: String?) -> Result<Certificates, VerificationFailure> {
        do throws(CertificateError) {
            let leaf = try PEMCertificates.parse(leafPEM, what: "the \(CosignAnnotation.certificate) annotation")[0]
            var chain: [Certificate] = []
            if let chainPEM {
                chain = try PEMCertificates.parse(chainPEM, what: "the \(CosignAnnotation.chain) annotation")
            }
            return .success(Certificates(leaf: leaf, chain: chain))
        } catch {
            return .failure(error.isUnsupportedAlgorithm ? .unsupported(error.description) : .corrupted(error.description))
        }
    }

    private static func prepareBundle(_ bytes: [UInt8], index: Int) -> Result<PreparedSignature, VerificationFailure> {
        let bundle: SigstoreBundle
        do {
            bundle = try JSONDecoder().decode(SigstoreBundle.self, from: Data(bytes))
        } catch {
            return .failure(.corrupted("the sigstore bundle is not valid bundle JSON (\(error))"))
        }
        guard SigstoreBundle.acceptedMediaTypes.contains(bundle.mediaType) else {
            return .failure(.corrupted("the sigstore bundle has unknown media type \"\(bundle.mediaType)\""))
        }
        guard let envelope = bundle.dsseEnvelope else {
            if bundle.messageSignature != nil {
                return .failure(.generic("the sigstore bundle holds a messageSignature (cosign sign-blob); image signatures are verified from DSSE envelopes"))
            }
            return .failure(.corrupted("the sigstore bundle holds neither a dsseEnvelope nor a messageSignature"))
        }
        guard let body = Data(base64Encoded: envelope.payload) else {
            return .failure(.corrupted("the DSSE envelope payload is not valid base64"))
        }
        var signatures: [[UInt8]] = []
        for entry in envelope.signatures {
            guard let raw = Data(base64Encoded: entry.sig), !raw.isEmpty else {
                return .failure(.corrupted("a DSSE envelope signature is not valid base64"))
            }
            signatures.append([UInt8](raw))
        }
        guard !signatures.isEmpty else {
            return .failure(.corrupted("the DSSE envelope has no signatures"))
        }
        var statement: InTotoStatement?
        if envelope.payloadType == DSSEEnvelope.inTotoPayloadType {
            do {
                statement = try JSONDecoder().decode(InTotoStatement.self, from: body)
            } catch {
                return .failure(.corrupted("the DSSE payload is not an in-toto statement (\(error))"))
            }
        }
        var certificates: Result<Certificates, VerificationFailure>?
        do {
            let ders = try bundle.certificatesDER()
            if let first = ders.first {
                let parsed = try ders.map { try Certificate(derEncoded: $0) }
                certificates = .success(Certificates(leaf: try Certificate(derEncoded: first), chain: Array(parsed.dropFirst())))
            }
        } catch {
            certificates = .failure(.corrupted("the sigstore bundle's certificate is not a valid X.509 certificate (\(error))"))
        }
        let encoding = DSSEEnvelope.preAuthenticationEncoding(payloadType: envelope.payloadType, body: [UInt8](body))
        return .success(PreparedSignature(
            index: index,
            content: .dsse(payloadType: envelope.payloadType, encoding: encoding, signatures: signatures, statement: statement),
            certificates: certificates))
    }
}
