import BerthSignatures
import Foundation
import Testing

/// What OpenShift's ImageSignature view reads off a signature without verifying it.
@Suite struct SignatureClaimsTests {
    let digest = CosignTestSigner.randomDigest()

    @Test func legacyPayloadGivesDigestReferenceAndOptionalClaims() throws {
        let body = CosignTestSigner.payload(digest: digest, reference: "quay.io/team/app", optionalJSON: #"{"creator":"ci","timestamp":1458239713}"#)
        let signature = try CosignSignature.fromLayer(
            annotations: CosignTestSigner.layer(payload: body, signature: [1, 2, 3]).annotations, blob: body)
        let claims = SignatureClaims(of: signature)
        #expect(claims.format == .simpleSigning)
        #expect(claims.digests == [digest])
        #expect(claims.dockerReference == "quay.io/team/app")
        #expect(claims.optional?["timestamp"] == .integer(1_458_239_713))
        #expect(claims.certificate == nil)
        #expect(claims.problem == nil)
    }

    @Test func unreadablePayloadIsAProblemNotACrash() throws {
        let signature = CosignSignature(payload: Array("not json".utf8), signatureBase64: "AQID")
        let claims = SignatureClaims(of: signature)
        #expect(claims.digests.isEmpty)
        #expect(claims.problem?.contains("not a cosign simple-signing document") == true, "\(claims.problem ?? "")")
    }

    @Test func keylessSignatureNamesItsCertificate() throws {
        let authority = try CosignTestSigner.CertificateAuthority.make(name: "Claims")
        let leaf = try authority.issueLeaf(email: "dev@example.com", oidcIssuer: "https://issuer.example")
        let layer = try CosignTestSigner.signKeyless(digest: digest, reference: "r/a", leaf: leaf, authority: authority)
        let claims = SignatureClaims(of: try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload))
        #expect(claims.certificate?.issuerCommonName == "Claims Intermediate CA")
        #expect(claims.certificate?.issuerOrganization == "Claims Org")
        #expect(claims.certificate?.subjectDisplayName == "dev@example.com")
    }

    @Test func bundleGivesItsStatementSubjects() throws {
        let bundle = try CosignTestSigner.dsseBundle(digest: digest, with: .makeP256())
        let claims = SignatureClaims(of: CosignSignature(sigstoreBundle: bundle))
        #expect(claims.format == .sigstoreBundle)
        #expect(claims.digests == [digest])
        #expect(claims.dockerReference == nil)
        #expect(SignatureClaims(of: CosignSignature(sigstoreBundle: Array("{}".utf8))).problem != nil)
    }
}
