import BerthSignatures
import Foundation
import Testing

@Suite struct CodingTests {
    @Test func statusRawValuesAreStackRoxProtoNames() {
        #expect(SignatureVerificationStatus.allCases.map(\.rawValue) == [
            "UNSET", "VERIFIED", "FAILED_VERIFICATION", "INVALID_SIGNATURE_ALGO", "CORRUPTED_SIGNATURE", "GENERIC_ERROR",
        ])
    }

    @Test func decodesAStackRoxSignatureIntegration() throws {
        let json = #"""
        {"id":"io.stackrox.signatureintegration.1","name":"prod",
         "cosign":{"publicKeys":[{"name":"k","publicKeyPemEnc":"PEM"}]},
         "cosignCertificates":[{"certificatePemEnc":"","certificateChainPemEnc":"CHAIN",
           "certificateOidcIssuer":"https://issuer","certificateIdentity":".*@example.com"}]}
        """#
        let integration = try JSONDecoder().decode(SignatureIntegration.self, from: Data(json.utf8))
        #expect(integration.publicKeys == [CosignPublicKey(name: "k", pem: "PEM")])
        #expect(integration.certificates == [CosignCertificateVerification(
            trustRootPEM: "CHAIN", certificatePEM: nil, identity: ".*@example.com", oidcIssuer: "https://issuer")])
        let reencoded = String(decoding: try JSONEncoder().encode(integration), as: UTF8.self)
        #expect(reencoded.contains(#""publicKeyPemEnc":"PEM""#))
        #expect(reencoded.contains(#""certificateChainPemEnc":"CHAIN""#))
    }

    @Test func resultEncodesWithStackRoxFieldNames() async throws {
        let verifier = SignatureVerifier(integration: SignatureIntegration(id: "io.stackrox.signatureintegration.2", name: "none"))
        let result = await verifier.verify([], imageDigest: CosignTestSigner.randomDigest(), imageNames: [])
        let text = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(text.contains(#""verifierId":"io.stackrox.signatureintegration.2""#))
        #expect(text.contains(#""status":"FAILED_VERIFICATION""#))
        #expect(result.description?.contains("no public keys and no certificates") == true)
    }
}
