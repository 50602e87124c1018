import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// The signing side of cosign, for tests: keys, simple-signing payloads, signatures, `.sig` layer
/// annotations, Fulcio-style certificate chains and cosign v3 DSSE bundles, made in-process.
///
/// No cosign binary exists on the build machines and nothing may be downloaded, so fixtures are
/// generated here. This file depends only on swift-crypto, swift-certificates, swift-asn1 and
/// Foundation, never on the code under test, so it can be copied into any other test target.
enum CosignTestSigner {
    static let signatureAnnotation = "dev.cosignproject.cosign/signature"
    static let certificateAnnotation = "dev.sigstore.cosign/certificate"
    static let chainAnnotation = "dev.sigstore.cosign/chain"
    static let simpleSigningType = "cosign container image signature"
    static let fulcioIssuerV1: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]
    static let fulcioIssuerV2: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 8]

    /// The two spellings of the digest key found in the wild.
    enum DigestKeySpelling: String {
        case lowercase = "docker-manifest-digest"
        case capitalised = "Docker-manifest-digest"
    }

    /// What a fetcher reads off one `.sig` manifest layer.
    struct SignedLayer {
        var annotations: [String: String]
        var payload: [UInt8]
    }

    /// A private key of each algorithm cosign can sign with.
    enum SigningKey {
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        static func makeP256() -> SigningKey { .p256(P256.Signing.PrivateKey()) }
        static func makeP384() -> SigningKey { .p384(P384.Signing.PrivateKey()) }
        static func makeRSA() throws -> SigningKey { .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)) }
        static func makeEd25519() -> SigningKey { .ed25519(Curve25519.Signing.PrivateKey()) }

        /// The `cosign.pub` text: a PEM SubjectPublicKeyInfo.
        var publicKeyPEM: String {
            switch self {
            case .p256(let key): return key.publicKey.pemRepresentation
            case .p384(let key): return key.publicKey.pemRepresentation
            case .rsa(let key): return key.publicKey.pemRepresentation
            case .ed25519(let key):
                // swift-crypto 3.x has no PEM form for Ed25519; build the RFC 8410 SPKI by hand.
                return CosignTestSigner.pem(
                    label: "PUBLIC KEY",
                    der: CosignTestSigner.spki(algorithm: [1, 3, 101, 112], parameters: nil, key: Array(key.publicKey.rawRepresentation)))
            }
        }

        /// A signature over `message` in cosign's encoding: DER for ECDSA, PKCS#1 v1.5 for RSA.
        func sign(_ message: [UInt8]) throws -> [UInt8] {
            switch self {
            case .p256(let key): return Array(try key.signature(for: message).derRepresentation)
            case .p384(let key): return Array(try key.signature(for: message).derRepresentation)
            case .rsa(let key):
                return Array(try key.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5).rawRepresentation)
            case .ed25519(let key): return Array(try key.signature(for: message))
            }
        }
    }

    // MARK: Simple signing

    /// A simple-signing payload with keys in cosign's (sorted) order.
    static func payload(
        digest: String,
        reference: String,
        spelling: DigestKeySpelling = .lowercase,
        type: String = simpleSigningType,
        optionalJSON: String = "null"
    ) -> [UInt8] {
        let json = #"{"critical":{"identity":{"docker-reference":"\#(reference)"},"image":{"\#(spelling.rawValue)":"\#(digest)"},"type":"\#(type)"},"optional":\#(optionalJSON)}"#
        return Array(json.utf8)
    }

    /// The annotations cosign writes for a signature layer.
    static func layer(payload: [UInt8], signature: [UInt8], certificatePEM: String? = nil, chainPEM: String? = nil) -> SignedLayer {
        var annotations = [signatureAnnotation: Data(signature).base64EncodedString()]
        if let certificatePEM { annotations[certificateAnnotation] = certificatePEM }
        if let chainPEM { annotations[chainAnnotation] = chainPEM }
        return SignedLayer(annotations: annotations, payload: payload)
    }

    /// `cosign sign --key`: a layer whose payload names `digest` and `reference`, signed by `key`.
    static func sign(
        digest: String, reference: String, with key: SigningKey, spelling: DigestKeySpelling = .lowercase
    ) throws -> SignedLayer {
        let body = payload(digest: digest, reference: reference, spelling: spelling)
        return layer(payload: body, signature: try key.sign(body))
    }

    // MARK: Certificates

    /// A root CA and an intermediate, as Fulcio's hierarchy has.
    struct CertificateAuthority {
        var rootKey: P256.Signing.PrivateKey
        var root: Certificate
        var intermediateKey: P256.Signing.PrivateKey
        var intermediate: Certificate

        var rootPEM: String { get throws { try root.serializeAsPEM().pemString } }
        /// What cosign puts in the chain annotation: intermediate first, then the root.
        var chainPEM: String { get throws { try intermediate.serializeAsPEM().pemString + "\n" + root.serializeAsPEM().pemString } }

        static func make(name: String = "Berth Test", validFrom: Date = Date().addingTimeInterval(-86_400)) throws -> CertificateAuthority {
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
            return CertificateAuthority(rootKey: rootKey, root: root, intermediateKey: intermediateKey, intermediate: intermediate)
        }

        /// Which Fulcio OIDC issuer extensions a leaf carries: old certificates have only the raw one.
        enum IssuerEncoding { case both, legacyOnly }

        /// A Fulcio-style leaf: empty subject, critical email SAN, code-signing EKU, OIDC issuer
        /// extensions (both encodings by default), and a ten-minute lifetime by default.
        func issueLeaf(
            email: String,
            oidcIssuer: String?,
            issuerEncoding: IssuerEncoding = .both,
            notValidBefore: Date = Date().addingTimeInterval(-60),
            lifetime: TimeInterval = 600,
            codeSigning: Bool = true
        ) throws -> Leaf {
            let key = P256.Signing.PrivateKey()
            var extensions: [Certificate.Extension] = [
                try Critical(KeyUsage(digitalSignature: true)).makeCertificateExtension(),
                try Critical(SubjectAlternativeNames([.rfc822Name(email)])).makeCertificateExtension(),
                try ExtendedKeyUsage([codeSigning ? .codeSigning : .serverAuth]).makeCertificateExtension(),
            ]
            if let oidcIssuer {
                extensions.append(Certificate.Extension(oid: CosignTestSigner.fulcioIssuerV1, critical: false, value: ArraySlice(oidcIssuer.utf8)))
                if issuerEncoding == .both {
                    var serializer = DER.Serializer()
                    try serializer.serialize(ASN1UTF8String(oidcIssuer))
                    extensions.append(Certificate.Extension(oid: CosignTestSigner.fulcioIssuerV2, critical: false, value: ArraySlice(serializer.serializedBytes)))
                }
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: notValidBefore, notValidAfter: notValidBefore.addingTimeInterval(lifetime),
                issuer: intermediate.subject, subject: DistinguishedName(), signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions(extensions),
                issuerPrivateKey: .init(intermediateKey))
            return Leaf(key: key, certificate: certificate)
        }
    }

    /// A signing certificate and its private key.
    struct Leaf {
        var key: P256.Signing.PrivateKey
        var certificate: Certificate
        var pem: String { get throws { try certificate.serializeAsPEM().pemString } }
    }

    /// `cosign sign` keyless: the leaf signs the payload; certificate and chain ride in annotations.
    static func signKeyless(
        digest: String, reference: String, leaf: Leaf, authority: CertificateAuthority
    ) throws -> SignedLayer {
        let body = payload(digest: digest, reference: reference)
        let signature = try SigningKey.p256(leaf.key).sign(body)
        return layer(payload: body, signature: signature, certificatePEM: try leaf.pem, chainPEM: try authority.chainPEM)
    }

    // MARK: Sigstore bundle (cosign v3)

    /// A v0.3 bundle with a DSSE envelope over a cosign sign/v1 in-toto statement for `digest`.
    /// With `certificate`, the bundle carries that (leaf) certificate as its verification material,
    /// as a keyless cosign v3 signature does; otherwise a public-key hint.
    static func dsseBundle(
        digest: String, with key: SigningKey,
        predicateType: String = "https://sigstore.dev/cosign/sign/v1",
        certificate: Certificate? = nil
    ) throws -> [UInt8] {
        let hex = digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : digest
        let statement = #"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"\#(hex)"}}],"predicateType":"\#(predicateType)","predicate":{}}"#
        let body = Array(statement.utf8)
        let payloadType = "application/vnd.in-toto+json"
        let encoding = Array("DSSEv1 \(payloadType.utf8.count) \(payloadType) \(body.count) ".utf8) + body
        let signature = try key.sign(encoding)
        let bundle: [String: Any] = [
            "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
            "verificationMaterial": try verificationMaterial(certificate),
            "dsseEnvelope": [
                "payload": Data(body).base64EncodedString(),
                "payloadType": payloadType,
                "signatures": [["sig": Data(signature).base64EncodedString(), "keyid": ""]],
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys]))
    }

    private static func verificationMaterial(_ certificate: Certificate?) throws -> [String: Any] {
        guard let certificate else { return ["publicKey": ["hint": "test-key"], "tlogEntries": [] as [Any]] }
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return ["certificate": ["rawBytes": Data(serializer.serializedBytes).base64EncodedString()], "tlogEntries": [] as [Any]]
    }

    // MARK: Keys this engine must reject

    /// A well-formed SPKI for an EC key on secp256k1, a curve cosign verification does not support.
    static func secp256k1PublicKeyPEM() -> String {
        var point: [UInt8] = [0x04]
        point += (0..<64).map { _ in UInt8.random(in: 0...255) }
        return pem(label: "PUBLIC KEY", der: spki(algorithm: [1, 2, 840, 10045, 2, 1], parameters: [1, 3, 132, 0, 10], key: point))
    }

    /// A DSA SubjectPublicKeyInfo (parameters omitted, as RFC 3279 allows).
    static func dsaPublicKeyPEM() throws -> String {
        var serializer = DER.Serializer()
        try serializer.serialize(65_537)
        return pem(label: "PUBLIC KEY", der: spki(algorithm: [1, 2, 840, 10040, 4, 1], parameters: nil, key: serializer.serializedBytes))
    }

    static func spki(algorithm: ASN1ObjectIdentifier, parameters: ASN1ObjectIdentifier?, key: [UInt8]) -> [UInt8] {
        var serializer = DER.Serializer()
        try! serializer.appendConstructedNode(identifier: .sequence) { outer in
            try outer.appendConstructedNode(identifier: .sequence) { inner in
                try inner.serialize(algorithm)
                if let parameters { try inner.serialize(parameters) }
            }
            try outer.serialize(ASN1BitString(bytes: ArraySlice(key)))
        }
        return serializer.serializedBytes
    }

    static func pem(label: String, der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    /// A random `sha256:` digest, for an image that exists only in the test.
    static func randomDigest() -> String {
        "sha256:" + SHA256.hash(data: Array(UUID().uuidString.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
