import BerthModel
import BerthSignatures
import Foundation

/// A cosign signature in StackRox's `storage.CosignSignature` shape (`rawSignature`,
/// `signaturePayload`, `certPem`, `certChainPem`, each base64), and back.
///
/// The stored shape is the only copy Berth keeps, so it must give back the bytes the signer
/// signed: re-verification after an integration changes reads signatures from here, never from
/// the registry. A sigstore bundle has no detached signature; it is stored whole as the payload
/// with no `rawSignature` key, which is how it is told apart on the way back.
extension CosignSignature {
    var stackRoxJSON: JSONValue {
        var cosign: [String: JSONValue] = [:]
        if let bundle = sigstoreBundle {
            cosign["signaturePayload"] = .string(Data(bundle).base64EncodedString())
        } else {
            // The annotation is already base64; it is re-encoded only to drop whitespace a
            // signer may have wrapped it with. Corrupt text is kept as is, to fail again later.
            cosign["rawSignature"] = .string(Data(base64Encoded: signatureBase64)?.base64EncodedString() ?? signatureBase64)
            cosign["signaturePayload"] = .string(Data(payload).base64EncodedString())
        }
        if let certificatePEM { cosign["certPem"] = .string(Data(certificatePEM.utf8).base64EncodedString()) }
        if let chainPEM { cosign["certChainPem"] = .string(Data(chainPEM.utf8).base64EncodedString()) }
        return ["cosign": .object(cosign)]
    }

    /// An entry that no longer decodes becomes an empty signature rather than disappearing, so
    /// positions in `signature.signatures` stay the positions verdicts point at, and the entry
    /// verifies as CORRUPTED_SIGNATURE instead of silently not at all.
    init(stackRox entry: JSONValue) {
        let cosign = entry["cosign"]
        func bytes(_ key: String) -> [UInt8]? {
            cosign?[key]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
        }
        func text(_ key: String) -> String? {
            bytes(key).map { String(decoding: $0, as: UTF8.self) }
        }
        guard let raw = cosign?["rawSignature"]?.stringValue else {
            self.init(sigstoreBundle: bytes("signaturePayload") ?? [])
            return
        }
        self.init(payload: bytes("signaturePayload") ?? [], signatureBase64: raw,
                  certificatePEM: text("certPem"), chainPEM: text("certChainPem"))
    }

    /// The signatures a scan stored on an image, in stored order.
    static func stored(in image: Image) -> [CosignSignature] {
        (image.signature?["signatures"]?.arrayValue ?? []).map(CosignSignature.init(stackRox:))
    }
}
