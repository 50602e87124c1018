import Crypto
import Foundation
import SwiftASN1
import X509

/// The signing side of cosign, for the end-to-end tests: simple-signing payloads, ECDSA P-256
/// signatures and a Fulcio-style certificate chain, made in-process.
///
/// A port of the part of `Tests/BerthSignaturesTests/Support/CosignTestSigner.swift` these tests
/// need (test targets cannot share files). Like that one it depends only on swift-crypto,
/// swift-certificates, swift-asn1 and Foundation, never on the code under test, so a bug in Berth's
/// reading of signatures cannot cancel out in a matching bug here.
enum CosignTestSigner {
    static let signatureAnnotation = "dev.cosignproject.cosign/signature"
    static let certificateAnnotation = "dev.sigstore.cosign/certificate"
    static let chainAnnotation = "dev.sigstore.cosign/chain"
    static let fulcioIssuerV1: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]

    /// A simple-signing payload with keys in cosign's (sorted) order.
    static func payload(digest: String, reference: String, optionalJSON: String = "null") -> [UInt8] {
        Array(#"{"critical":{"identity":{"docker-reference":"\#(reference)"},"image":{"docker-manifest-digest":"\#(digest)"},"type":"cosign container image signature"},"optional":\#(optionalJSON)}"#.utf8)
    }

    /// ECDSA-SHA256 over the raw payload, DER-encoded, as `cosign sign --key` makes it.
    static func sign(_ payload: [UInt8], with key: P256.Signing.PrivateKey) throws -> [UInt8] {
        Array(try key.signature(for: payload).derRepresentation)
    }

    /// OpenShift's `publicKeyID`: the low 64 bits of the SHA-256 of the SubjectPublicKeyInfo.
    static func publicKeyID(_ key: P256.Signing.PublicKey) -> String {
        "0x" + String(hex(SHA256.hash(data: key.derRepresentation)).suffix(16))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// A root CA and an intermediate, as Fulcio's hierarchy has.
    struct CertificateAuthority {
        var root: Certificate
        var intermediateKey: P256.Signing.PrivateKey
        var intermediate: Certificate

        var rootPEM: String { get throws { try root.serializeAsPEM().pemString } }
        /// What cosign puts in the chain annotation: intermediate first, then the root.
        var chainPEM: String { get throws { try intermediate.serializeAsPEM().pemString + "\n" + root.serializeAsPEM().pemString } }

        static func make(name: String) throws -> CertificateAuthority {
            let validFrom = Date().addingTimeInterval(-86_400)
            let rootKey = P256.Signing.PrivateKey()
            let rootName = try DistinguishedName {
                CommonName("\(name) Root CA")
                OrganizationName("\(name) Org")
            }
            let root = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(rootKey.publicKey),
                notValidBefore: validFrom, notValidAfter: validFrom.addingTimeInterval(10 * 365 * 86_400),
                issuer: rootName, subject: rootName, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(rootKey))
            let intermediateKey = P256.Signing.PrivateKey()
            let intermediateName = try DistinguishedName {
                CommonName("\(name) Intermediate CA")
                OrganizationName("\(name) Org")
            }
            let intermediate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(intermediateKey.publicKey),
                notValidBefore: validFrom, notValidAfter: validFrom.addingTimeInterval(5 * 365 * 86_400),
                issuer: rootName, subject: intermediateName, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    try ExtendedKeyUsage([.codeSigning])
                },
                issuerPrivateKey: .init(rootKey))
            return CertificateAuthority(root: root, intermediateKey: intermediateKey, intermediate: intermediate)
        }

        /// A Fulcio-style leaf: empty subject, critical email SAN, code-signing EKU, the raw OIDC
        /// issuer extension, ten minutes of validity.
        func issueLeaf(email: String, oidcIssuer: String) throws -> (key: P256.Signing.PrivateKey, pem: String) {
            let key = P256.Signing.PrivateKey()
            let notValidBefore = Date().addingTimeInterval(-60)
            let certificate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: notValidBefore, notValidAfter: notValidBefore.addingTimeInterval(600),
                issuer: intermediate.subject, subject: DistinguishedName(), signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions([
                    try Critical(KeyUsage(digitalSignature: true)).makeCertificateExtension(),
                    try Critical(SubjectAlternativeNames([.rfc822Name(email)])).makeCertificateExtension(),
                    try ExtendedKeyUsage([.codeSigning]).makeCertificateExtension(),
                    Certificate.Extension(oid: CosignTestSigner.fulcioIssuerV1, critical: false, value: ArraySlice(oidcIssuer.utf8)),
                ]),
                issuerPrivateKey: .init(intermediateKey))
            return (key, try certificate.serializeAsPEM().pemString)
        }
    }
}
