import Crypto
import Foundation
import _CryptoExtras

/// A parsed verification key that checks cosign signatures over raw message bytes.
///
/// Parsing happens once, when a signature integration is loaded, so a bad key is reported at create
/// time with a reason, rather than as a failed verification of every image later.
public struct PublicKeyVerifier: Sendable {
    public let algorithm: PublicKeyAlgorithm
    public let keySizeInBits: Int
    /// The DER SubjectPublicKeyInfo, the canonical form the fingerprint is taken over.
    public let subjectPublicKeyInfo: [UInt8]

    // swift-crypto 3.x key types are not Sendable, so the verifier keeps the validated encoding and
    // rebuilds the key per check; parsing a public key costs microseconds next to verifying with it.
    private enum Backing: Sendable, Hashable {
        case p256
        case p384
        case p521
        case rsa
        case ed25519(raw: [UInt8])
    }

    private let backing: Backing

    /// Parses exactly one PEM `PUBLIC KEY` block, as cosign's `cosign.pub` and StackRox's
    /// `publicKeyPemEnc` hold.
    public init(pem: String) throws(PublicKeyError) {
        let blocks: [PEMBlock]
        do {
            blocks = try PEMBlock.parseAll(pem)
        } catch {
            throw .notPEMPublicKey(Self.describe(error))
        }
        guard blocks.count == 1, let block = blocks.first else {
            throw .notPEMPublicKey("found \(blocks.count) PEM blocks; a public key entry must hold exactly one \"PUBLIC KEY\" block")
        }
        switch block.label {
        case "PUBLIC KEY":
            try self.init(subjectPublicKeyInfo: block.der)
        case "RSA PUBLIC KEY":
            throw .notPEMPublicKey("the block is \"RSA PUBLIC KEY\" (PKCS#1); convert it to a \"PUBLIC KEY\" with `openssl rsa -RSAPublicKey_in -in key.pem -pubout`")
        case "CERTIFICATE":
            throw .notPEMPublicKey("the block is a CERTIFICATE; configure it as a certificate verifier, or extract its key with `openssl x509 -pubkey -noout -in cert.pem`")
        case let label where label.contains("PRIVATE KEY"):
            throw .notPEMPublicKey("the block is \"\(label)\"; configure the public half (cosign.pub), never a private key")
        default:
            throw .notPEMPublicKey("the block is \"\(block.label)\"; expected \"-----BEGIN PUBLIC KEY-----\"")
        }
    }

    /// Parses a DER SubjectPublicKeyInfo, for keys taken out of certificates.
    public init(subjectPublicKeyInfo der: [UInt8]) throws(PublicKeyError) {
        let document: SPKIDocument
        do {
            document = try SPKIDocument(der: der)
        } catch {
            throw .notPEMPublicKey("the PUBLIC KEY block does not hold a DER SubjectPublicKeyInfo")
        }
        self.subjectPublicKeyInfo = der
        switch document.algorithm {
        case KeyAlgorithmOID.ecPublicKey:
            guard let curve = document.parameterOID else {
                throw .unsupportedAlgorithm(
                    algorithm: "ECDSA with explicit curve parameters",
                    remedy: "re-export the key with a named curve (`openssl ec -pubin -param_enc named_curve`)")
            }
            do {
                switch curve {
                case KeyAlgorithmOID.p256:
                    _ = try P256.Signing.PublicKey(derRepresentation: der)
                    self.backing = .p256
                    self.algorithm = .ecdsaP256
                    self.keySizeInBits = 256
                case KeyAlgorithmOID.p384:
                    _ = try P384.Signing.PublicKey(derRepresentation: der)
                    self.backing = .p384
                    self.algorithm = .ecdsaP384
                    self.keySizeInBits = 384
                case KeyAlgorithmOID.p521:
                    _ = try P521.Signing.PublicKey(derRepresentation: der)
                    self.backing = .p521
                    self.algorithm = .ecdsaP521
                    self.keySizeInBits = 521
                default:
                    throw PublicKeyError.unsupportedAlgorithm(
                        algorithm: "ECDSA on curve \(KeyAlgorithmOID.curveName(curve))",
                        remedy: PublicKeyError.supportedList)
                }
            } catch let error as PublicKeyError {
                throw error
            } catch {
                throw .notPEMPublicKey("the \(KeyAlgorithmOID.curveName(curve)) public key point is not valid")
            }
        case KeyAlgorithmOID.rsaEncryption, KeyAlgorithmOID.rsassaPSS:
            if let key = try? _RSA.Signing.PublicKey(derRepresentation: der) {
                self.backing = .rsa
                self.algorithm = .rsa
                self.keySizeInBits = key.keySizeInBits
            } else if let small = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: der) {
                throw .unsupportedAlgorithm(
                    algorithm: "RSA-\(small.keySizeInBits)",
                    remedy: "RSA keys must have at least 2048 bits; generate a larger key or an ECDSA P-256 key")
            } else {
                throw .notPEMPublicKey("the RSA public key is malformed")
            }
        case KeyAlgorithmOID.ed25519:
            guard document.key.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: document.key)) != nil else {
                throw .notPEMPublicKey("the Ed25519 public key is not 32 bytes")
            }
            self.backing = .ed25519(raw: Array(document.key))
            self.algorithm = .ed25519
            self.keySizeInBits = 256
        case KeyAlgorithmOID.dsa:
            throw .unsupportedAlgorithm(algorithm: "DSA", remedy: "DSA is not supported by cosign; " + PublicKeyError.supportedList)
        case KeyAlgorithmOID.ed448:
            throw .unsupportedAlgorithm(algorithm: "Ed448", remedy: PublicKeyError.supportedList)
        case KeyAlgorithmOID.x25519, KeyAlgorithmOID.x448:
            throw .unsupportedAlgorithm(
                algorithm: document.algorithm == KeyAlgorithmOID.x25519 ? "X25519" : "X448",
                remedy: "this is a key-agreement key and cannot verify signatures; " + PublicKeyError.supportedList)
        case KeyAlgorithmOID.sm2:
            throw .unsupportedAlgorithm(algorithm: "SM2", remedy: PublicKeyError.supportedList)
        default:
            throw .unsupportedAlgorithm(algorithm: "with OID \(document.algorithm)", remedy: PublicKeyError.supportedList)
        }
    }

    /// Whether `signature` was made over `message` by this key's private half.
    ///
    /// ECDSA signatures are ASN.1 DER (`SEQUENCE {r, s}`), as cosign and `openssl dgst -sign` write them.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        switch backing {
        case .p256:
            guard let key = try? P256.Signing.PublicKey(derRepresentation: subjectPublicKeyInfo),
                let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature)
            else { return false }
            return key.isValidSignature(parsed, for: message)
        case .p384:
            guard let key = try? P384.Signing.PublicKey(derRepresentation: subjectPublicKeyInfo),
                let parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature)
            else { return false }
            return key.isValidSignature(parsed, for: SHA384.hash(data: message))
                || key.isValidSignature(parsed, for: SHA256.hash(data: message))
        case .p521:
            guard let key = try? P521.Signing.PublicKey(derRepresentation: subjectPublicKeyInfo),
                let parsed = try? P521.Signing.ECDSASignature(derRepresentation: signature)
            else { return false }
            return key.isValidSignature(parsed, for: SHA512.hash(data: message))
                || key.isValidSignature(parsed, for: SHA256.hash(data: message))
        case .rsa:
            guard let key = try? _RSA.Signing.PublicKey(derRepresentation: subjectPublicKeyInfo) else { return false }
            let parsed = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let digest = SHA256.hash(data: message)
            return key.isValidSignature(parsed, for: digest, padding: .insecurePKCS1v1_5)
                || key.isValidSignature(parsed, for: digest, padding: .PSS)
        case .ed25519(let raw):
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: message)
        }
    }

    /// Lowercase hex SHA-256 of the SubjectPublicKeyInfo: a stable name for the key in logs and UIs.
    public var fingerprint: String {
        SHA256.hash(data: subjectPublicKeyInfo).map { String(format: "%02x", $0) }.joined()
    }

    /// The low 64 bits of ``fingerprint`` as `0x…`, the shape OpenShift's `issuedTo.publicKeyID` has.
    public var publicKeyID: String {
        "0x" + String(fingerprint.suffix(16))
    }

    private static func describe(_ error: PEMBlock.ParseError) -> String {
        switch error {
        case .noBlock:
            return "no PEM block found; expected text starting with \"-----BEGIN PUBLIC KEY-----\""
        case .unterminated(let label):
            return "the \"\(label)\" block has no \"-----END \(label)-----\" line"
        case .mismatchedEnd(let begin, let end):
            return "the block begins as \"\(begin)\" but ends as \"\(end)\""
        case .invalidBase64(let label):
            return "the body of the \"\(label)\" block is not valid base64"
        }
    }
}
