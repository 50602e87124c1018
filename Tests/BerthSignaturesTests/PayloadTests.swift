import BerthSignatures
import Foundation
import Testing

@Suite struct PayloadTests {
    let digest = "sha256:" + String(repeating: "ab", count: 32)

    @Test func decodesLowercaseDigestKey() throws {
        let bytes = CosignTestSigner.payload(digest: digest, reference: "quay.io/team/app", spelling: .lowercase)
        let payload = try SimpleSigningPayload.decode(bytes)
        #expect(payload.dockerManifestDigest == digest)
        #expect(payload.dockerReference == "quay.io/team/app")
        #expect(payload.type == SimpleSigningPayload.cosignType)
        #expect(payload.optional == nil)
    }

    @Test func decodesCapitalisedDigestKeyFromTheSpecExample() throws {
        let bytes = CosignTestSigner.payload(
            digest: digest, reference: "testing/manifest", spelling: .capitalised,
            optionalJSON: #"{"creator":"atomic","timestamp":1458239713}"#)
        let payload = try SimpleSigningPayload.decode(bytes)
        #expect(payload.dockerManifestDigest == digest)
        #expect(payload.optional?["creator"] == .string("atomic"))
        #expect(payload.optional?["timestamp"] == .integer(1_458_239_713))
    }

    @Test func encodesTheLowercaseSpellingCosignEmits() throws {
        let bytes = CosignTestSigner.payload(digest: digest, reference: "r/a", spelling: .capitalised)
        let encoded = String(decoding: try SimpleSigningPayload.decode(bytes).encoded(), as: UTF8.self)
        #expect(encoded.contains(#""docker-manifest-digest":"\#(digest)""#))
        #expect(!encoded.contains("Docker-manifest-digest"))
        #expect(encoded.hasSuffix(#""optional":null}"#))
        #expect(encoded == String(decoding: CosignTestSigner.payload(digest: digest, reference: "r/a"), as: UTF8.self))
    }

    @Test func acceptsTheSigstoreSignV1Type() throws {
        let bytes = CosignTestSigner.payload(digest: digest, reference: "r/a", type: "https://sigstore.dev/cosign/sign/v1")
        #expect(try SimpleSigningPayload.decode(bytes).type == SimpleSigningPayload.sigstoreSignV1Type)
    }

    @Test func rejectsOtherTypesByName() {
        let bytes = CosignTestSigner.payload(digest: digest, reference: "r/a", type: "atomic container signature")
        #expect(throws: SimpleSigningPayloadError.unsupportedType("atomic container signature")) {
            try SimpleSigningPayload.decode(bytes)
        }
    }

    @Test func rejectsConflictingDigestSpellings() {
        let json = #"{"critical":{"identity":{"docker-reference":"r/a"},"image":{"docker-manifest-digest":"sha256:aa","Docker-manifest-digest":"sha256:bb"},"type":"cosign container image signature"},"optional":null}"#
        #expect(throws: SimpleSigningPayloadError.conflictingDigests("sha256:aa", "sha256:bb")) {
            try SimpleSigningPayload.decode(Array(json.utf8))
        }
    }

    @Test func reportsNonJSONAndMissingFieldsDifferently() {
        do {
            _ = try SimpleSigningPayload.decode(Array("not json".utf8))
            Issue.record("decoded garbage")
        } catch {
            guard case .notJSON = error else { Issue.record("expected notJSON, got \(error)"); return }
            #expect(error.description.contains("not a JSON object"))
        }
        let noImage = #"{"critical":{"identity":{"docker-reference":"r/a"},"type":"cosign container image signature"}}"#
        #expect(throws: SimpleSigningPayloadError.missingField("critical.image")) {
            try SimpleSigningPayload.decode(Array(noImage.utf8))
        }
    }

    @Test func buildsASignatureFromLayerAnnotations() throws {
        let layer = CosignTestSigner.layer(payload: [1, 2, 3], signature: [9, 9], certificatePEM: "", chainPEM: nil)
        let signature = try CosignSignature.fromLayer(annotations: layer.annotations, blob: layer.payload)
        #expect(signature.payload == [1, 2, 3])
        #expect(signature.signatureBase64 == Data([9, 9]).base64EncodedString())
        #expect(signature.certificatePEM == nil, "an empty certificate annotation counts as absent")
        #expect(throws: CosignSignatureError.missingSignatureAnnotation) {
            try CosignSignature.fromLayer(annotations: ["org.opencontainers.image.title": "x"], blob: [])
        }
    }

    @Test func roundTripsThroughJSONWithBase64Bytes() throws {
        let original = CosignSignature(payload: Array("{}".utf8), signatureBase64: "AAAA", chainPEM: "chain",
                                       bundle: #"{"Payload":{"integratedTime":1700000000}}"#)
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""payload":"e30=""#))
        #expect(try JSONDecoder().decode(CosignSignature.self, from: data) == original)
        #expect(original.unverifiedRekorIntegratedTime == Date(timeIntervalSince1970: 1_700_000_000))
    }
}
