import Foundation

/// The parts of a sigstore bundle (v0.1–v0.3) that offline verification needs.
///
/// Transparency-log entries and timestamps are decoded by nobody here: this engine does not verify
/// Rekor inclusion, exactly as with the legacy `.sig` path.
struct SigstoreBundle: Sendable, Decodable {
    static let acceptedMediaTypes: Set<String> = [
        "application/vnd.dev.sigstore.bundle.v0.3+json",
        "application/vnd.dev.sigstore.bundle+json;version=0.3",
        "application/vnd.dev.sigstore.bundle+json;version=0.2",
        "application/vnd.dev.sigstore.bundle+json;version=0.1",
    ]

    struct RawBytes: Sendable, Decodable {
        var rawBytes: String
    }

    struct CertificateChain: Sendable, Decodable {
        var certificates: [RawBytes]
    }

    struct PublicKeyHint: Sendable, Decodable {
        var hint: String?
    }

    struct VerificationMaterial: Sendable, Decodable {
        var publicKey: PublicKeyHint?
        var certificate: RawBytes?
        var x509CertificateChain: CertificateChain?
    }

    struct MessageSignature: Sendable, Decodable {
        var signature: String?
    }

    var mediaType: String
    var verificationMaterial: VerificationMaterial?
    var dsseEnvelope: DSSEEnvelope?
    var messageSignature: MessageSignature?

    /// The DER certificates the bundle carries, leaf first.
    func certificatesDER() throws -> [[UInt8]] {
        var encoded: [String] = []
        if let single = verificationMaterial?.certificate {
            encoded.append(single.rawBytes)
        } else if let chain = verificationMaterial?.x509CertificateChain {
            encoded = chain.certificates.map(\.rawBytes)
        }
        return try encoded.map { text in
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "certificate rawBytes is not base64"))
            }
            return [UInt8](data)
        }
    }
}
