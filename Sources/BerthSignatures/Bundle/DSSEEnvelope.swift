import Foundation

/// A Dead Simple Signing Envelope, as cosign v3 puts in its image-signature bundles.
///
/// DSSE signs the pre-authentication encoding of the payload, not the payload itself, so that a
/// signature over one payload type can never be replayed as another.
struct DSSEEnvelope: Sendable, Decodable {
    struct Signature: Sendable, Decodable {
        var sig: String
        var keyid: String?
    }

    static let inTotoPayloadType = "application/vnd.in-toto+json"

    var payload: String
    var payloadType: String
    var signatures: [Signature]

    /// `"DSSEv1" SP len(type) SP type SP len(body) SP body`, lengths as ASCII decimal byte counts.
    static func preAuthenticationEncoding(payloadType: String, body: [UInt8]) -> [UInt8] {
        let type = Array(payloadType.utf8)
        var out = Array("DSSEv1 \(type.count) ".utf8)
        out += type
        out += Array(" \(body.count) ".utf8)
        out += body
        return out
    }
}
