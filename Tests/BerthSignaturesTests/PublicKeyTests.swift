import BerthSignatures
import Testing

@Suite struct PublicKeyTests {
    @Test(arguments: [PublicKeyAlgorithm.ecdsaP256, .ecdsaP384, .rsa, .ed25519])
    func parsesAndVerifiesEachSupportedAlgorithm(_ algorithm: PublicKeyAlgorithm) throws {
        let key: CosignTestSigner.SigningKey
        switch algorithm {
        case .ecdsaP256: key = .makeP256()
        case .ecdsaP384: key = .makeP384()
        case .rsa: key = try .makeRSA()
        default: key = .makeEd25519()
        }
        let verifier = try PublicKeyVerifier(pem: key.publicKeyPEM)
        #expect(verifier.algorithm == algorithm)
        let message = Array("payload".utf8)
        let signature = try key.sign(message)
        #expect(verifier.isValidSignature(signature, for: message))
        #expect(!verifier.isValidSignature(signature, for: Array("other".utf8)))
        #expect(verifier.publicKeyID.hasPrefix("0x") && verifier.publicKeyID.count == 18)
    }

    @Test func acceptsCRLFAndOddLineWidths() throws {
        let pem = CosignTestSigner.SigningKey.makeP256().publicKeyPEM
        let body = pem.split(separator: "\n").dropFirst().dropLast().joined()
        let reflowed = "-----BEGIN PUBLIC KEY-----\r\n" + body.prefix(30) + "\r\n" + body.dropFirst(30) + "\r\n-----END PUBLIC KEY-----\r\n"
        #expect(try PublicKeyVerifier(pem: reflowed).algorithm == .ecdsaP256)
    }

    @Test func secp256k1IsAnUnsupportedAlgorithm() {
        do {
            _ = try PublicKeyVerifier(pem: CosignTestSigner.secp256k1PublicKeyPEM())
            Issue.record("secp256k1 accepted")
        } catch {
            #expect(error.isUnsupportedAlgorithm)
            #expect(error.description.contains("secp256k1"))
            #expect(error.description.contains("P-256"), "the message says what to use instead")
        }
    }

    @Test func dsaIsAnUnsupportedAlgorithm() throws {
        let pem = try CosignTestSigner.dsaPublicKeyPEM()
        #expect(throws: PublicKeyError.self) { try PublicKeyVerifier(pem: pem) }
        do {
            _ = try PublicKeyVerifier(pem: pem)
        } catch {
            #expect(error.isUnsupportedAlgorithm)
            #expect(error.description.contains("DSA"))
        }
    }

    @Test(arguments: [
        ("hello", "no PEM block found"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n", "has no \"-----END PUBLIC KEY-----\" line"),
        ("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "not valid base64"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "does not hold a DER SubjectPublicKeyInfo"),
        ("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", "never a private key"),
        ("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n", "-RSAPublicKey_in"),
        ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "certificate verifier"),
    ])
    func malformedKeysAreNotPEMPublicKeys(_ text: String, _ expected: String) {
        do {
            _ = try PublicKeyVerifier(pem: text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(!error.isUnsupportedAlgorithm)
            #expect(error.description.hasPrefix("not a PEM public key"))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func twoKeysInOneEntryAreRejected() {
        let pem = CosignTestSigner.SigningKey.makeP256().publicKeyPEM + CosignTestSigner.SigningKey.makeP256().publicKeyPEM
        do {
            _ = try PublicKeyVerifier(pem: pem)
            Issue.record("accepted two keys")
        } catch {
            #expect(error.description.contains("found 2 PEM blocks"))
        }
    }
}
