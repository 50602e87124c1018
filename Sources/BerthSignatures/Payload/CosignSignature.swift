import Foundation

/// One cosign signature exactly as a fetcher found it, before anything was checked.
///
/// The verifier must see the bytes the signer signed, so the payload stays raw bytes and the
/// signature stays the annotation text: decoding either is part of verification, where a failure
/// becomes a `CORRUPTED_SIGNATURE` result instead of a fetch error.
///
/// A signature comes in one of two shapes:
/// - legacy `.sig` layer: `payload` is the layer blob and `signatureBase64` the annotation;
/// - sigstore bundle (cosign v3, OCI 1.1 referrers): `sigstoreBundle` holds the bundle JSON and the
///   other fields are empty.
///
/// The fetcher, not this type, checks that the blob's sha256 equals the layer descriptor's digest.
public struct CosignSignature: Sendable, Hashable, Codable {
    /// The simple-signing payload: the exact bytes the signature covers.
    public var payload: [UInt8]
    /// The `dev.cosignproject.cosign/signature` annotation, base64 of the raw signature.
    public var signatureBase64: String
    /// The `dev.sigstore.cosign/certificate` annotation, for keyless signatures.
    public var certificatePEM: String?
    /// The `dev.sigstore.cosign/chain` annotation: intermediates the signer claims issued the leaf.
    public var chainPEM: String?
    /// The `dev.sigstore.cosign/bundle` annotation (a Rekor bundle). Carried for storage; transparency
    /// log proofs are not verified by this engine.
    public var bundle: String?
    /// A sigstore bundle (`application/vnd.dev.sigstore.bundle.v0.3+json`) found through referrers.
    public var sigstoreBundle: [UInt8]?

    public init(
        payload: [UInt8],
        signatureBase64: String,
        certificatePEM: String? = nil,
        chainPEM: String? = nil,
        bundle: String? = nil
    ) {
        self.payload = payload
        self.signatureBase64 = signatureBase64
        self.certificatePEM = Self.nonEmpty(certificatePEM)
        self.chainPEM = Self.nonEmpty(chainPEM)
        self.bundle = Self.nonEmpty(bundle)
        self.sigstoreBundle = nil
    }

    /// A signature that arrived as a sigstore bundle blob rather than a `.sig` layer.
    public init(sigstoreBundle: [UInt8]) {
        self.payload = []
        self.signatureBase64 = ""
        self.certificatePEM = nil
        self.chainPEM = nil
        self.bundle = nil
        self.sigstoreBundle = sigstoreBundle
    }

    /// Builds a signature from one `.sig` manifest layer: its annotations and its blob.
    ///
    /// Throws ``CosignSignatureError/missingSignatureAnnotation`` for layers that carry no signature,
    /// so a fetcher can skip them; empty certificate or chain annotations count as absent.
    public static func fromLayer(annotations: [String: String], blob: [UInt8]) throws(CosignSignatureError) -> CosignSignature {
        guard let signature = annotations[CosignAnnotation.signature] else {
            throw .missingSignatureAnnotation
        }
        return CosignSignature(
            payload: blob,
            signatureBase64: signature,
            certificatePEM: annotations[CosignAnnotation.certificate],
            chainPEM: annotations[CosignAnnotation.chain],
            bundle: annotations[CosignAnnotation.bundle]
        )
    }

    /// The `integratedTime` the Rekor bundle claims, if there is a readable one.
    ///
    /// Nothing here checks the bundle's SignedEntryTimestamp, so this time is only as trustworthy as
    /// whoever pushed the signature. It is the natural verification time for a 10-minute Fulcio
    /// certificate, and a caller that accepts that risk passes it to the verifier; a caller that does
    /// not verifies at the current time instead.
    public var unverifiedRekorIntegratedTime: Date? {
        guard let bundle, let data = bundle.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let payload = object["Payload"] as? [String: Any]
        else { return nil }
        if let seconds = payload["integratedTime"] as? NSNumber {
            return Date(timeIntervalSince1970: seconds.doubleValue)
        }
        return nil
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }

    // Bytes travel as base64 strings, as StackRox's `rawSignature`/`signaturePayload` do, so stored
    // signatures stay readable JSON instead of arrays of numbers.
    private enum CodingKeys: String, CodingKey {
        case payload, signature, certificate, chain, bundle, sigstoreBundle
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let payloadText = try container.decodeIfPresent(String.self, forKey: .payload) ?? ""
        guard let payloadData = Data(base64Encoded: payloadText) else {
            throw DecodingError.dataCorruptedError(forKey: .payload, in: container, debugDescription: "payload is not base64")
        }
        var bundleBytes: [UInt8]?
        if let bundleText = try container.decodeIfPresent(String.self, forKey: .sigstoreBundle) {
            guard let data = Data(base64Encoded: bundleText) else {
                throw DecodingError.dataCorruptedError(forKey: .sigstoreBundle, in: container, debugDescription: "sigstoreBundle is not base64")
            }
            bundleBytes = [UInt8](data)
        }
        self.payload = [UInt8](payloadData)
        self.signatureBase64 = try container.decodeIfPresent(String.self, forKey: .signature) ?? ""
        self.certificatePEM = try container.decodeIfPresent(String.self, forKey: .certificate)
        self.chainPEM = try container.decodeIfPresent(String.self, forKey: .chain)
        self.bundle = try container.decodeIfPresent(String.self, forKey: .bundle)
        self.sigstoreBundle = bundleBytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Data(payload).base64EncodedString(), forKey: .payload)
        try container.encode(signatureBase64, forKey: .signature)
        try container.encodeIfPresent(certificatePEM, forKey: .certificate)
        try container.encodeIfPresent(chainPEM, forKey: .chain)
        try container.encodeIfPresent(bundle, forKey: .bundle)
        try container.encodeIfPresent(sigstoreBundle.map { Data($0).base64EncodedString() }, forKey: .sigstoreBundle)
    }
}
