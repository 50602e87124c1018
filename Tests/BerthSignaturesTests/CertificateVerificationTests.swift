import BerthSignatures
import Foundation
import Testing

@Suite struct CertificateVerificationTests {
    let digest = CosignTestSigner.randomDigest()
    let reference = "127.0.0.1:5000/team/app"
    let names = ["127.0.0.1:5000/team/app:1.0"]
    let email = "dev@example.com"
    let issuer = "https://accounts.example.com"

    func integration(trustRoot: String, identity: String, oidcIssuer: String) -> SignatureIntegration {
        SignatureIntegration(
            id: "io.stackrox.signatureintegration.keyless", name: "keyless",
            certificates: [CosignCertificateVerification(trustRootPEM: trustRoot, identity: identity, oidcIssuer: oidcIssuer)])
    }

    func keylessSignature(authority: CosignTestSigner.CertificateAuthority, leaf: CosignTestSigner.Leaf) throws -> CosignSignature {
        let layer = try CosignTestSigner.signKeyless(digest: digest, reference: reference, leaf: leaf, authority: authority)
        return try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload)
    }

    @Test func chainToTheRootWithMatchingIdentityVerifies() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        let verifier = SignatureVerifier(integration: integration(
            trustRoot: try authority.rootPEM, identity: #"^dev@example\.com$"#, oidcIssuer: #"^https://accounts\.example\.com$"#))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.verifiedImageReferences == names)
        let signer = try #require(result.matches.first?.certificate)
        #expect(signer.emailAddresses == [email])
        #expect(signer.oidcIssuer == issuer)
        #expect(signer.issuerCommonName == "Berth Test Intermediate CA")
        #expect(signer.issuerOrganization == "Berth Test Org")
        #expect(signer.subjectCommonName == nil)
        #expect(signer.subjectDisplayName == email)
        #expect(result.matches.first?.verifierName == "certificate verifier 1")
    }

    @Test func unanchoredExpressionsMatchAnywhereAsInCosign() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: "example", oidcIssuer: ".*"))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
    }

    @Test func wrongIdentityExpressionFailsVerification() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        let verifier = SignatureVerifier(integration: integration(
            trustRoot: try authority.rootPEM, identity: #"^release@example\.com$"#, oidcIssuer: ".*"))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("SANs \"dev@example.com\"") == true)
        #expect(result.description?.contains("does not match certificateIdentity") == true)
    }

    @Test func wrongIssuerExpressionFailsEvenWhenIdentityIsWildcard() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        let verifier = SignatureVerifier(integration: integration(
            trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: "token.actions.githubusercontent.com"))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("OIDC issuer \"https://accounts.example.com\"") == true)
    }

    @Test func chainToAnUntrustedRootFailsVerification() async throws {
        let trusted = try CosignTestSigner.CertificateAuthority.make(name: "Trusted")
        let rogue = try CosignTestSigner.CertificateAuthority.make(name: "Rogue")
        let leaf = try rogue.issueLeaf(email: email, oidcIssuer: issuer)
        let verifier = SignatureVerifier(integration: integration(trustRoot: try trusted.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify([try keylessSignature(authority: rogue, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("does not chain to the configured trust root") == true)
        #expect(result.description?.contains("Trusted Root CA") == true)
    }

    @Test func leafExpiredAtTheVerificationTimeFails() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let issued = Date().addingTimeInterval(-7_200)
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer, notValidBefore: issued, lifetime: 600)
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let signature = try keylessSignature(authority: authority, leaf: leaf)

        let now = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(now.status == .failedVerification)
        #expect(now.description?.contains("the signing certificate expired at") == true)
        #expect(now.description?.contains("verify at the signature's timestamp") == true)

        let atSigning = await verifier.verify([signature], imageDigest: digest, imageNames: names, at: issued.addingTimeInterval(300))
        #expect(atSigning.status == .verified)
        #expect(atSigning.description == nil)
        #expect(atSigning.certificateValidationTime == issued.addingTimeInterval(300))
    }

    @Test func leafWithoutCodeSigningUsageFails() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer, codeSigning: false)
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("does not allow code signing") == true)
    }

    @Test func trustRootHoldingIntermediateAndRootVerifiesWithoutTheSignaturesChain() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        var signature = try keylessSignature(authority: authority, leaf: leaf)
        signature.chainPEM = nil
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.chainPEM, identity: "dev@", oidcIssuer: "example"))
        let result = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
    }

    @Test func aRootShippedInTheSignatureIsNeverTrusted() async throws {
        let trusted = try CosignTestSigner.CertificateAuthority.make(name: "Trusted")
        let rogue = try CosignTestSigner.CertificateAuthority.make(name: "Rogue")
        let leaf = try rogue.issueLeaf(email: email, oidcIssuer: issuer)
        var signature = try keylessSignature(authority: rogue, leaf: leaf)
        signature.chainPEM = try rogue.chainPEM + (try trusted.chainPEM)
        let verifier = SignatureVerifier(integration: integration(trustRoot: try trusted.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("does not chain") == true)
    }

    @Test func keySignedSignatureUnderACertificateVerifierFails() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let layer = try CosignTestSigner.sign(digest: digest, reference: reference, with: .makeP256())
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify(
            [try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload)], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("carries no certificate") == true)
    }

    @Test func tamperedPayloadUnderAValidCertificateFails() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        var signature = try keylessSignature(authority: authority, leaf: leaf)
        signature.payload = CosignTestSigner.payload(digest: digest, reference: "127.0.0.1:5000/team/evil")
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(result.status == .failedVerification)
        #expect(result.description?.contains("does not verify with the key of its certificate") == true)
    }

    @Test func corruptCertificateAnnotationIsACorruptedSignature() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        var signature = try keylessSignature(authority: authority, leaf: leaf)
        signature.certificatePEM = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        let verifier = SignatureVerifier(integration: integration(trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: ".*"))
        let result = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(result.status == .corruptedSignature)
        #expect(result.description?.contains("is not a valid X.509 certificate") == true)
    }

    @Test func certificateIdentityReadsDisplayStringsFromPEM() throws {
        let authority = try CosignTestSigner.CertificateAuthority.make(name: "Acme")
        let leaf = try authority.issueLeaf(email: "ci@acme.test", oidcIssuer: "https://issuer.acme.test")
        let identity = try CertificateIdentity(pem: try leaf.pem)
        #expect(identity.issuerCommonName == "Acme Intermediate CA")
        #expect(identity.issuerOrganization == "Acme Org")
        #expect(identity.subjectAlternativeNames == ["ci@acme.test"])
        #expect(identity.oidcIssuer == "https://issuer.acme.test")
        #expect(identity.publicKeyID.hasPrefix("0x"))
        let root = try CertificateIdentity(pem: try authority.rootPEM)
        #expect(root.subjectCommonName == "Acme Root CA")
        #expect(root.subjectDisplayName == "Acme Root CA")
    }

    @Test func legacyIssuerExtensionIsMatchedToo() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: "https://legacy.example.com", issuerEncoding: .legacyOnly)
        let verifier = SignatureVerifier(integration: integration(
            trustRoot: try authority.rootPEM, identity: ".*", oidcIssuer: #"^https://legacy\.example\.com$"#))
        let result = await verifier.verify([try keylessSignature(authority: authority, leaf: leaf)], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.matches.first?.certificate?.oidcIssuer == "https://legacy.example.com")
    }

    @Test func pinnedCertificateVerifiesSignaturesMadeWithItsKey() async throws {
        let authority = try CosignTestSigner.CertificateAuthority.make()
        let leaf = try authority.issueLeaf(email: email, oidcIssuer: issuer)
        let layer = try CosignTestSigner.sign(digest: digest, reference: reference, with: .p256(leaf.key))
        let pinned = SignatureIntegration(
            id: "i", name: "pinned",
            certificates: [CosignCertificateVerification(
                trustRootPEM: try authority.chainPEM, certificatePEM: try leaf.pem, identity: "dev@example", oidcIssuer: "accounts")])
        let verifier = SignatureVerifier(integration: pinned)
        let signature = try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload)
        let result = await verifier.verify([signature], imageDigest: digest, imageNames: names)
        #expect(result.status == .verified)
        #expect(result.description == nil)
        #expect(result.matches.first?.certificate?.emailAddresses == [email])

        let other = try CosignTestSigner.sign(digest: digest, reference: reference, with: .makeP256())
        let rejected = await verifier.verify(
            [try CosignSignature.fromLayer(annotations: other.annotations, blob: other.payload)], imageDigest: digest, imageNames: names)
        #expect(rejected.status == .failedVerification)
        #expect(rejected.description?.contains("does not verify with the key of its certificate") == true)
    }

    @Test func configurationProblemsNameTheField() {
        let bad = SignatureIntegration(
            id: "x", name: "",
            publicKeys: [CosignPublicKey(name: "", pem: "nope")],
            certificates: [CosignCertificateVerification(trustRootPEM: "", identity: "([", oidcIssuer: ".*")])
        let problems = bad.validationProblems()
        #expect(problems.contains { $0.field == "name" && $0.kind == .missingField })
        #expect(problems.contains { $0.field == "cosign.publicKeys[0].name" })
        #expect(problems.contains { $0.field == "cosign.publicKeys[0].publicKeyPemEnc" && $0.kind == .invalidPublicKey })
        #expect(problems.contains { $0.field == "cosignCertificates[0].certificateChainPemEnc" && $0.message.contains("no trust root configured") })
        #expect(problems.contains { $0.field == "cosignCertificates[0].certificateIdentity" && $0.kind == .invalidExpression })
    }
}
