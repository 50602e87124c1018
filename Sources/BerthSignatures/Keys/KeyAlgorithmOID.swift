import SwiftASN1

/// Object identifiers of the key algorithms and curves a SubjectPublicKeyInfo may name.
///
/// Unsupported ones are listed too, so the error can name the algorithm the user actually has.
enum KeyAlgorithmOID {
    static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10045, 2, 1]
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
    static let rsassaPSS: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 10]
    static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
    static let ed448: ASN1ObjectIdentifier = [1, 3, 101, 113]
    static let x25519: ASN1ObjectIdentifier = [1, 3, 101, 110]
    static let x448: ASN1ObjectIdentifier = [1, 3, 101, 111]
    static let dsa: ASN1ObjectIdentifier = [1, 2, 840, 10040, 4, 1]
    static let sm2: ASN1ObjectIdentifier = [1, 2, 156, 10197, 1, 301]

    static let p256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 3, 1, 7]
    static let p384: ASN1ObjectIdentifier = [1, 3, 132, 0, 34]
    static let p521: ASN1ObjectIdentifier = [1, 3, 132, 0, 35]
    static let secp256k1: ASN1ObjectIdentifier = [1, 3, 132, 0, 10]

    /// A readable name for an EC curve OID, for error messages.
    static func curveName(_ oid: ASN1ObjectIdentifier) -> String {
        switch oid {
        case p256: return "P-256"
        case p384: return "P-384"
        case p521: return "P-521"
        case secp256k1: return "secp256k1"
        default:
            let dotted = oid.description
            if dotted.hasPrefix("1.3.36.3.3.2.8.1.1.") { return "brainpool (\(dotted))" }
            return dotted
        }
    }
}
