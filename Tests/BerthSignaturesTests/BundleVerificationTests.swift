import BerthSignatures
import Foundation
import Testing

@Suite struct BundleVerificationTests {
    let digest = CosignTestSigner.randomDigest()
    let names = ["127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000/mirror/app:1.0"]

    func verifier(_ key: CosignTestSigner.SigningKey) -> SignatureVerifier {
        SignatureVerifier(integration: SignatureIntegration(
            id: "io.stackrox.signatureintegration.v3", name: "v3", publicKeys: [CosignPublicKey(name: "release", pem: key.publicKeyPEM)]))
    }

    @Test func dsseBundleVerifiesAndCoversEveryName() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let bundle = try CosignTestSigner.dsseBundle(digest: digest, with: key)
        let result = await verifier(key).verify([CosignSignature(sigstoreBundle: bundle)], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.verifiedImageReferences == names.sorted())
    }

    @Test func dsseBundleForAnotherDigestFails() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let bundle = try CosignTestSigner.dsseBundle(digest: CosignTestSigner.randomDigest(), with: key)
        let result = await verifier(key).verify([CosignSignature(sigstoreBundle: bundle)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("the digests differ") == true)
    }

    @Test func dsseBundleSignedByAnotherKeyFails() async throws {
        let bundle = try CosignTestSigner.dsseBundle(digest: digest, with: .makeP256())
        let result = await verifier(.makeP256()).verify([CosignSignature(sigstoreBundle: bundle)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("does not verify with this key") == true)
    }

    @Test func attestationBundleIsNotASignature() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let bundle = try CosignTestSigner.dsseBundle(digest: digest, with: key, predicateType: "https://slsa.dev/provenance/v1")
        let result = await verifier(key).verify([CosignSignature(sigstoreBundle: bundle)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("attestation of type \"https://slsa.dev/provenance/v1\"") == true)
    }

    @Test func keylessDSSEBundleVerifiesThroughTheCertificateChain() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: "ci@example.com", oidcIssuer: "https://issuer.example.com")
        let bundle = try CosignTestSigner.dsseBundle(digest: digest, with: .p256(leaf.key), certificate: leaf.certificate)
        let verifier = SignatureVerifier(integration: SignatureIntegration(
            id: "i", name: "keyless v3",
            certificates: [CosignCertificateVerification(trustRootPEM: try authority.chainPEM, identity: "^ci@example\\.com$", oidcIssuer: "issuer")]))
        let result = await verifier.verify([CosignSignature(sigstoreBundle: bundle)], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.matches.first?.certificate?.emailAddresses == ["ci@example.com"])
    }

    @Test func bundleThatIsNotJSONIsCorrupted() async throws {
        let key = CosignTestSigner.SigningKey.makeP256()
        let result = await verifier(key).verify(
            [CosignSignature(sigstoreBundle: Array("{oops".utf8))], imageDigest: digest, imageNames: names)
        #expect(result.status == .corruptedSignature)
        #expect(result.description?.contains("not valid bundle JSON") == true)
    }
}
