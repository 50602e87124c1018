import BerthSignatures
import Crypto
import Foundation
import Testing

@Suite struct KeyedVerificationTests {
    let digest = CosignTestSigner.randomDigest()
    let names = ["127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000/team/app@sha256:0000", "127.0.0.1:5000/other/app:1.0"]
    let reference = "127.0.0.1:5000/team/app"

    func integration(_ keys: (String, String)...) -> SignatureIntegration {
        SignatureIntegration(
            id: "io.stackrox.signatureintegration.test", name: "team keys",
            publicKeys: keys.map { CosignPublicKey(name: $0.0, pem: $0.1) })
    }

    func signature(_ layer: CosignTestSigner.SignedLayer) throws -> CosignSignature {
        try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload)
    }

    @Test func validECDSASignatureVerifies() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.verifiedImageReferences == ["127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000/team/app@sha256:0000"])
        // OpenShift's publicKeyID: the low 64 bits of the SHA-256 of the key's SubjectPublicKeyInfo.
        guard case .p256(let privateKey) = key else { Issue.record("not a P-256 key"); return }
        let fingerprint = SHA256.hash(data: privateKey.publicKey.derRepresentation).map { String(format: "%02x", $0) }.joined()
        #expect(result.matches == [SignatureMatch(signatureIndex: 0, verifierName: "release", publicKeyID: "0x" + fingerprint.suffix(16))])
        #expect(result.verifierID == "io.stackrox.signatureintegration.test")
    }

    @Test func wrongKeyFailsVerification() async throws {
        let signer = CosignTestSigner.SigningKey.makeP256()
        let configured = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("rotated", configured.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: signer))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("public key \"rotated\"") == true)
        #expect(result.description?.contains("does not verify with this key") == true)
        #expect(result.verifiedImageReferences.isEmpty)
    }

    @Test func payloadForAnotherDigestFailsAndSaysTheDigestsDiffer() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let other = CosignTestSigner.randomDigest()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: other, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("the digests differ") == true)
        #expect(result.description?.contains(other) == true)
        #expect(result.description?.contains(digest) == true)
    }

    @Test func corruptedBase64IsACorruptedSignature() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        var layer = try CosignTestSigner.sign(digest: digest, reference: reference, with: key)
        layer.annotations[CosignTestSigner.signatureAnnotation] = "%%%not-base64%%%"
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify([try signature(layer)], imageDigest: digest, imageNames: names)
        #expect(result.status == .corruptedSignature)
        #expect(result.description?.contains("not valid base64") == true)
        #expect(result.description?.contains("signature 1") == true)
    }

    @Test func payloadThatIsNotJSONIsACorruptedSignature() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let body = Array("definitely { not json".utf8)
        let layer = CosignTestSigner.layer(payload: body, signature: try key.sign(body))
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify([try signature(layer)], imageDigest: digest, imageNames: names)
        #expect(result.status == .corruptedSignature)
        #expect(result.description?.contains("not a cosign simple-signing document") == true)
    }

    @Test func unsupportedKeyAlgorithmIsInvalidSignatureAlgo() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("k1", CosignTestSigner.secp256k1PublicKeyPEM())))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .invalidSignatureAlgo)
        #expect(result.description?.contains("secp256k1") == true)
        #expect(verifier.configurationProblems.map(\.kind) == [.unsupportedAlgorithm])
        #expect(verifier.configurationProblems.first?.field == "cosign.publicKeys[0].publicKeyPemEnc")
    }

    @Test func aBadKeyBesideAGoodOneIsSkippedAndNamed() async throws {
        let signer = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(
            ("dsa", try CosignTestSigner.dsaPublicKeyPEM()), ("good", signer.publicKeyPEM)))
        let good = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: signer))],
            imageDigest: digest, imageNames: names)
        #expect(good.status == .verified)
        #expect(good.matches.map(\.verifierName) == ["good"])

        let stranger = CosignTestSigner.SigningKey.makeP256()
        let bad = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: stranger))],
            imageDigest: digest, imageNames: names)
        #expect(bad.status == .failedVerification)
        #expect(bad.description?.contains("skipped unusable configuration") == true)
        #expect(bad.description?.contains("DSA") == true)
    }

    @Test func oneVerifyingSignatureAmongSeveralIsEnough() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        var corrupt = try CosignTestSigner.sign(digest: digest, reference: reference, with: key)
        corrupt.annotations[CosignTestSigner.signatureAnnotation] = "@@@"
        let signatures = [
            try signature(corrupt),
            try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: .makeP256())),
            try signature(CosignTestSigner.sign(digest: CosignTestSigner.randomDigest(), reference: reference, with: key)),
            try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key)),
        ]
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(signatures, imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.matches.map(\.signatureIndex) == [3])
    }

    @Test func noneVerifyingPicksCorruptionOverFailureAndListsEach() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        var corrupt = try CosignTestSigner.sign(digest: digest, reference: reference, with: key)
        corrupt.annotations[CosignTestSigner.signatureAnnotation] = "@@@"
        let signatures = [
            try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: .makeP256())),
            try signature(corrupt),
        ]
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(signatures, imageDigest: digest, imageNames: names)
        #expect(result.status == .corruptedSignature)
        #expect(result.description?.contains("none of the image's 2 signatures") == true)
        #expect(result.description?.contains("signature 1, public key \"release\": the signature does not verify") == true)
        #expect(result.description?.contains("signature 2: the dev.cosignproject.cosign/signature annotation is not valid base64") == true)
    }

    @Test func rsaSignatureVerifies() async throws {
        let key = try CosignTestSigner.SigningKey.makeRSA()
        let verifier = SignatureVerifier(integration: integration(("rsa", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.verifiedImageReferences.count == 2)
    }

    @Test func ed25519SignatureVerifies() async throws {
        let key = CosignTestSigner.SigningKey.makeEd25519()
        let verifier = SignatureVerifier(integration: integration(("ed", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.matches.first?.verifierName == "ed")
    }

    @Test func p384SignatureVerifies() async throws {
        let key = CosignTestSigner.SigningKey.makeP384()
        let verifier = SignatureVerifier(integration: integration(("p384", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
    }

    @Test func capitalisedDigestKeyVerifies() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key, spelling: .capitalised))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
    }

    @Test func signatureForAnotherRepositoryCoversNoName() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: "quay.io/elsewhere/app", with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("made for repository quay.io/elsewhere/app") == true)
        #expect(result.verifiedImageReferences.isEmpty)
    }

    @Test func dockerHubNamesAreNormalisedLikeStackRox() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: "index.docker.io/library/nginx", with: key))],
            imageDigest: digest, imageNames: ["nginx:1.27", "docker.io/library/nginx:latest", "quay.io/nginx:1"])
        #expect(result.status == .verified)
        #expect(result.verifiedImageReferences == ["docker.io/library/nginx:latest", "nginx:1.27"])
    }

    @Test func noSignaturesFailsVerification() async {
        let verifier = SignatureVerifier(integration: integration(("release", CosignTestSigner.SigningKey.makeP256().publicKeyPEM)))
        let result = await verifier.verify([], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("no cosign signatures were found") == true)
    }

    @Test func anIntegrationWithNothingToVerifyWithFails() async throws {
        let verifier = SignatureVerifier(integration: SignatureIntegration(id: "i", name: "empty"))
        let key = CosignTestSigner.SigningKey.makeP256()
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("no public keys and no certificates") == true)
    }

    @Test func aNotPEMKeyAloneIsAGenericError() async throws {
        let verifier = SignatureVerifier(integration: integration(("typo", "ssh-ed25519 AAAAC3Nz user@host")))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: .makeP256()))],
            imageDigest: digest, imageNames: names)
        #expect(result.status == .genericError)
        #expect(result.description?.contains("no PEM block found") == true)
    }

    @Test(arguments: [
        ("sha512:" + String(repeating: "a", count: 128), SignatureVerificationStatus.invalidSignatureAlgo, "only sha256"),
        ("", .genericError, "no manifest digest"),
        ("sha256:XYZ", .genericError, "64 lowercase hex digits"),
    ])
    func imageDigestsAreCheckedFirst(_ imageDigest: String, _ status: SignatureVerificationStatus, _ text: String) async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify(
            [try signature(CosignTestSigner.sign(digest: digest, reference: reference, with: key))],
            imageDigest: imageDigest, imageNames: names)
        #expect(result.status == status)
        #expect(result.description?.contains(text) == true)
    }

    @Test func wellFormedPayloadOfAnotherTypeFailsVerification() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let body = CosignTestSigner.payload(digest: digest, reference: reference, type: "atomic container signature")
        let layer = CosignTestSigner.layer(payload: body, signature: try key.sign(body))
        let verifier = SignatureVerifier(integration: integration(("release", key.publicKeyPEM)))
        let result = await verifier.verify([try signature(layer)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("\"atomic container signature\"") == true)
    }
}
