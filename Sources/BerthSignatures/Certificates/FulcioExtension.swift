import SwiftASN1
import X509

/// The Fulcio certificate extensions identity policies look at.
///
/// Fulcio first wrote the OIDC issuer as raw bytes under `…57264.1.1`, then as a DER UTF8String under
/// `…57264.1.8`; current certificates carry both, older ones only the first, so both are read.
enum FulcioExtension {
    static let oidcIssuerV1: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]
    static let oidcIssuerV2: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 8]
    /// The OtherName type Fulcio uses for usernames in the SAN.
    static let otherNameUsername: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 7]

    /// The OIDC issuer that authenticated the signer, preferring the DER-encoded extension.
    static func oidcIssuer(of certificate: Certificate) -> String? {
        if let ext = certificate.extensions[oid: oidcIssuerV2],
            let value = try? ASN1UTF8String(derEncoded: ext.value)
        {
            return String(value)
        }
        if let ext = certificate.extensions[oid: oidcIssuerV1] {
            return String(decoding: ext.value, as: UTF8.self)
        }
        return nil
    }
}
