import BerthModel
import Crypto
import Foundation
import Testing

/// Cosign signatures end to end: images pushed by skopeo to the loopback registry, signed in
/// the test the way cosign lays signatures out (a `sha256-<hex>.sig` manifest, one layer per
/// signature), scanned through `POST /v1/images/scan` of a real Berth server, and read back
/// through StackRox's image, OpenShift's Image and ImageSignature views, and `berth verify`.
@Suite("Cosign signatures against a real registry", .enabled(if: Peers.registriesAvailable))
struct SignaturePeerTests {
    static let openShift = "/apis/image.openshift.io/v1"

    struct PushedImage: Sendable {
        var repository: String
        var reference: String
        var digest: String
    }

    /// A fresh single-platform image at `<registry>/berth-sig/<name>-<random>:1.0`.
    static func pushImage(_ name: String) throws -> PushedImage {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        let layout = try TestImages.makeLayout(seed: seed, layers: 1)
        let repository = "\(registry)/berth-sig/\(seed)"
        try TestImages.push(layout, ref: "1.0", to: "\(repository):1.0")
        return PushedImage(repository: repository, reference: "\(repository):1.0", digest: layout.amd64)
    }

    /// Keys go in as PEM text: swift-crypto's keys are not Sendable, so none crosses into a server closure.
    static func keyIntegration(_ name: String, keys: [(name: String, pem: String)], id: String? = nil) -> String {
        var body: [String: Any] = [
            "name": name, "cosign": ["publicKeys": keys.map { ["name": $0.name, "publicKeyPemEnc": $0.pem] }],
        ]
        if let id { body["id"] = id }
        return String(decoding: CosignSignatureArtifact.json(body), as: UTF8.self)
    }

    /// The loopback registry as an image integration (plain HTTP is allowed only this way).
    static func allowRegistry(_ api: TestAPIClient) async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let reply = try await api.send(.post, "/v1/imageintegrations", json: ImageServicePeerTests.integration(registry, name: "loopback"))
        #expect(reply.status == .ok, "\(reply.text)")
    }

    static func createIntegration(_ api: TestAPIClient, _ body: String) async throws -> String {
        let reply = try await api.send(.post, "/v1/signatureintegrations", json: body)
        #expect(reply.status == .ok, "\(reply.text)")
        let id = try #require(reply.json?["id"]?.stringValue)
        #expect(id.hasPrefix("io.stackrox.signatureintegration."))
        return id
    }

    static func scan(_ api: TestAPIClient, _ image: PushedImage) async throws {
        let reply = try await api.send(.post, "/v1/images/scan", json: #"{"imageName":"\#(image.reference)"}"#)
        #expect(reply.status == .ok, "\(reply.text)")
        #expect(reply.json?["id"]?.stringValue == image.digest)
    }

    static func stackRoxImage(_ api: TestAPIClient, _ image: PushedImage) async throws -> JSONValue {
        let reply = try await api.send(.get, "/v1/images/\(image.digest)")
        #expect(reply.status == .ok, "\(reply.text)")
        return try #require(reply.json)
    }

    static func results(_ image: JSONValue) -> [String: JSONValue] {
        var byVerifier: [String: JSONValue] = [:]
        for result in image["signatureVerificationData"]?["results"]?.arrayValue ?? [] {
            if let id = result["verifierId"]?.stringValue { byVerifier[id] = result }
        }
        return byVerifier
    }

    static func openShiftSignatures(_ api: TestAPIClient, _ image: PushedImage) async throws -> [JSONValue] {
        let reply = try await api.send(.get, "\(openShift)/images/\(image.digest)")
        #expect(reply.status == .ok, "\(reply.text)")
        return reply.json?["signatures"]?.arrayValue ?? []
    }

    static func condition(_ signature: JSONValue, _ type: String) -> JSONValue? {
        signature["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }

    /// The name Berth gives a cosign signature: digest, `@`, 32 hex digits of its signature's SHA-256.
    static func signatureName(_ image: PushedImage, signature: [UInt8]) -> String {
        "\(image.digest)@\(CosignTestSigner.hex(SHA256.hash(data: signature)).prefix(32))"
    }

    static func writeKey(_ pem: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("berth-key-\(UUID().uuidString).pub").path
        try pem.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aSignedImageVerifiesForTheMatchingIntegrationInEveryView() async throws {
        let image = try Self.pushImage("signed")
        let release = P256.Signing.PrivateKey(), stranger = P256.Signing.PrivateKey()
        let payload = CosignTestSigner.payload(digest: image.digest, reference: image.repository,
                                               optionalJSON: #"{"creator":"berth-tests","timestamp":1767225600}"#)
        let signature = try CosignTestSigner.sign(payload, with: release)
        try CosignSignatureArtifact(layers: [.init(payload: payload, signature: signature)]).push(to: image.repository, signing: image.digest)
        let releasePEM = release.publicKey.pemRepresentation, strangerPEM = stranger.publicKey.pemRepresentation
        let releaseKeyID = CosignTestSigner.publicKeyID(release.publicKey)

        let test = try await TestServer.make()
        try await test.withClient { api in
            try await Self.allowRegistry(api)
            let matching = try await Self.createIntegration(api, Self.keyIntegration("release", keys: [("release-key", releasePEM)]))
            let other = try await Self.createIntegration(api, Self.keyIntegration("someone else", keys: [("other-key", strangerPEM)]))
            try await Self.scan(api, image)

            // StackRox: the signature as fetched, and one result per integration.
            let stored = try await Self.stackRoxImage(api, image)
            let signatures = stored["signature"]?["signatures"]?.arrayValue ?? []
            #expect(signatures.count == 1)
            let cosign = signatures.first?["cosign"]
            #expect(cosign?["rawSignature"]?.stringValue == Data(signature).base64EncodedString())
            #expect(cosign?["signaturePayload"]?.stringValue == Data(payload).base64EncodedString())
            #expect(cosign?["certPem"] == nil, "a keyed signature carries no certificate")
            #expect(stored["signature"]?["fetched"]?.stringValue != nil)
            let results = Self.results(stored)
            #expect(results.count == 2)
            #expect(results[matching]?["status"]?.stringValue == "VERIFIED", "\(results[matching].map { "\($0)" } ?? "no result")")
            #expect(results[matching]?["verifiedImageReferences"]?.arrayValue == [.string(image.reference)])
            #expect(results[matching]?["description"] == nil)
            #expect(results[other]?["status"]?.stringValue == "FAILED_VERIFICATION")
            #expect(results[other]?["description"]?.stringValue?.contains("other-key") == true, "the failure names the key it tried")
            #expect(results[other]?["verifiedImageReferences"]?.arrayValue == [])
            let notes = stored["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(!notes.contains("MISSING_SIGNATURE") && !notes.contains("MISSING_SIGNATURE_VERIFICATION_DATA"), "\(notes)")
            #expect(stored["verifiedSignatures"] == nil && stored["openShift"] == nil, "Berth's own fields stay out of the StackRox view")

            // OpenShift: the same signature on the Image.
            var shown = try await Self.openShiftSignatures(api, image)
            #expect(shown.count == 1)
            let cosignName = Self.signatureName(image, signature: signature)
            let view = try #require(shown.first)
            #expect(view["metadata"]?["name"]?.stringValue == cosignName)
            #expect(view["type"]?.stringValue == "application/vnd.dev.cosign.simplesigning.v1+json")
            #expect(view["content"]?.stringValue.flatMap { Data(base64Encoded: $0) } == Data(payload), "content is the signed payload")
            #expect(Self.condition(view, "Trusted")?["status"]?.stringValue == "True")
            #expect(Self.condition(view, "Trusted")?["message"]?.stringValue?.contains("release") == true)
            #expect(Self.condition(view, "ForImage")?["status"]?.stringValue == "True")
            #expect(view["imageIdentity"]?.stringValue == image.repository)
            #expect(view["signedClaims"] == ["creator": "berth-tests", "timestamp": "1767225600"])
            #expect(view["created"]?.stringValue == "2026-01-01T00:00:00Z")
            #expect(view["issuedTo"]?["publicKeyID"]?.stringValue == releaseKeyID, "the key that verified it")
            #expect(view["issuedBy"] == nil, "no certificate, no issuer")

            // It is the registry's: not deletable here, and its name and content are taken.
            let delete = try await api.send(.delete, "\(Self.openShift)/imagesignatures/\(cosignName)")
            #expect(delete.status.code == 405, "\(delete.text)")
            #expect(delete.json?["kind"]?.stringValue == "Status")
            #expect(delete.json?["reason"]?.stringValue == "MethodNotAllowed")
            #expect(delete.json?["message"]?.stringValue?.contains("registry") == true, "\(delete.text)")
            let sameName = try await api.send(.post, "\(Self.openShift)/imagesignatures", json:
                #"{"apiVersion":"image.openshift.io/v1","kind":"ImageSignature","metadata":{"name":"\#(cosignName)"},"type":"AtomicImageV1","content":"aGVsbG8="}"#)
            #expect(sameName.status == .conflict, "\(sameName.text)")

            // A signature made through the OpenShift API shows beside it and stays deletable.
            let apiName = "\(image.digest)@0123456789abcdef0123456789abcdef"
            let created = try await api.send(.post, "\(Self.openShift)/imagesignatures", json:
                #"{"apiVersion":"image.openshift.io/v1","kind":"ImageSignature","metadata":{"name":"\#(apiName)"},"type":"AtomicImageV1","content":"aGVsbG8="}"#)
            #expect(created.status == .created, "\(created.text)")
            shown = try await Self.openShiftSignatures(api, image)
            #expect(shown.compactMap { $0["metadata"]?["name"]?.stringValue } == [apiName, cosignName])

            // A GET-modify-PUT of the Image carries the cosign signature back; it is neither
            // duplicated nor turned into an API signature.
            let current = try await api.send(.get, "\(Self.openShift)/images/\(image.digest)")
            let put = try await api.send(.put, "\(Self.openShift)/images/\(image.digest)", json: String(decoding: current.body, as: UTF8.self))
            #expect(put.status == .ok, "\(put.text)")
            shown = try await Self.openShiftSignatures(api, image)
            #expect(shown.compactMap { $0["metadata"]?["name"]?.stringValue } == [apiName, cosignName])

            let removed = try await api.send(.delete, "\(Self.openShift)/imagesignatures/\(apiName)")
            #expect(removed.status == .ok, "\(removed.text)")
            shown = try await Self.openShiftSignatures(api, image)
            #expect(shown.compactMap { $0["metadata"]?["name"]?.stringValue } == [cosignName], "only the registry's signature is left")
        }

        // `berth verify` agrees, with no server.
        let right = try await TestProcess.run(ServerProcess.binary, ["verify", image.reference, "--key", try Self.writeKey(releasePEM)])
        #expect(right.status == 0, "\(right.output)")
        #expect(right.stdout.contains("signature 1: VERIFIED"), "\(right.stdout)")
        let wrong = try await TestProcess.run(ServerProcess.binary, ["verify", image.reference, "--key", try Self.writeKey(strangerPEM)])
        #expect(wrong.status != 0, "\(wrong.output)")
        #expect(wrong.stdout.contains("signature 1: FAILED_VERIFICATION"), "\(wrong.stdout)")
    }

    @Test func oneOfSeveralSignaturesVerifying() async throws {
        let image = try Self.pushImage("several")
        let release = P256.Signing.PrivateKey(), stranger = P256.Signing.PrivateKey()
        let good = CosignTestSigner.payload(digest: image.digest, reference: image.repository)
        let elsewhere = CosignTestSigner.payload(digest: "sha256:" + String(repeating: "0", count: 64), reference: image.repository)
        let signatures = [
            try CosignTestSigner.sign(good, with: stranger),
            try CosignTestSigner.sign(good, with: release),
            try CosignTestSigner.sign(elsewhere, with: release),
        ]
        try CosignSignatureArtifact(layers: [
            .init(payload: good, signature: signatures[0]),
            .init(payload: good, signature: signatures[1]),
            .init(payload: elsewhere, signature: signatures[2]),
        ]).push(to: image.repository, signing: image.digest)
        let releasePEM = release.publicKey.pemRepresentation

        let test = try await TestServer.make()
        try await test.withClient { api in
            try await Self.allowRegistry(api)
            let releaseID = try await Self.createIntegration(api, Self.keyIntegration("release", keys: [("release-key", releasePEM)]))
            try await Self.scan(api, image)
            let stored = try await Self.stackRoxImage(api, image)
            #expect(stored["signature"]?["signatures"]?.arrayValue?.count == 3)
            let result = Self.results(stored)[releaseID]
            #expect(result?["status"]?.stringValue == "VERIFIED", "one verifying signature is enough")
            #expect(result?["verifiedImageReferences"]?.arrayValue == [.string(image.reference)])

            // OpenShift says which one: the stranger's is not trusted, the one for another digest is not for this image.
            let shown = try await Self.openShiftSignatures(api, image)
            try #require(shown.count == 3)
            #expect(shown.compactMap { $0["metadata"]?["name"]?.stringValue } == signatures.map { Self.signatureName(image, signature: $0) })
            #expect(shown.map { Self.condition($0, "Trusted")?["status"]?.stringValue } == ["False", "True", "False"])
            #expect(shown.map { Self.condition($0, "Trusted")?["reason"]?.stringValue } == ["NotVerified", "Verified", "NotVerified"])
            #expect(shown.map { Self.condition($0, "ForImage")?["status"]?.stringValue } == ["True", "True", "False"])
            #expect(Self.condition(shown[2], "ForImage")?["reason"]?.stringValue == "DigestMismatch")
            #expect(Self.condition(shown[2], "ForImage")?["message"]?.stringValue?.contains("sha256:" + String(repeating: "0", count: 64)) == true)
            #expect(shown.map { $0["issuedTo"] != nil } == [false, true, false], "only the verified signature names its key")
        }
    }

    @Test func anUnsignedImageIsNotedAsMissingItsSignature() async throws {
        let image = try Self.pushImage("unsigned")
        let pem = P256.Signing.PrivateKey().publicKey.pemRepresentation
        let test = try await TestServer.make()
        try await test.withClient { api in
            try await Self.allowRegistry(api)
            _ = try await Self.createIntegration(api, Self.keyIntegration("release", keys: [("release-key", pem)]))
            try await Self.scan(api, image)
            let stored = try await Self.stackRoxImage(api, image)
            #expect(stored["signature"]?["signatures"]?.arrayValue == [], "the registry was read and holds no signature")
            #expect(stored["signature"]?["fetched"]?.stringValue != nil)
            #expect(stored["signatureVerificationData"] == nil || stored["signatureVerificationData"] == .null)
            let notes = stored["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(notes.contains("MISSING_SIGNATURE") && notes.contains("MISSING_SIGNATURE_VERIFICATION_DATA"), "\(notes)")
            #expect(try await Self.openShiftSignatures(api, image).isEmpty)
        }
    }

    @Test func integrationChangesJudgeTheStoredSignaturesAgain() async throws {
        let image = try Self.pushImage("reverify")
        let release = P256.Signing.PrivateKey(), stranger = P256.Signing.PrivateKey(), rotated = P256.Signing.PrivateKey()
        let payload = CosignTestSigner.payload(digest: image.digest, reference: image.repository)
        try CosignSignatureArtifact(layers: [.init(payload: payload, signature: try CosignTestSigner.sign(payload, with: release))])
            .push(to: image.repository, signing: image.digest)
        let replacement = try CosignTestSigner.sign(payload, with: stranger)
        let releasePEM = release.publicKey.pemRepresentation, strangerPEM = stranger.publicKey.pemRepresentation
        let rotatedPEM = rotated.publicKey.pemRepresentation

        let test = try await TestServer.make()
        try await test.withClient { api in
            try await Self.allowRegistry(api)
            try await Self.scan(api, image)
            var stored = try await Self.stackRoxImage(api, image)
            #expect(stored["signatureVerificationData"] == nil || stored["signatureVerificationData"] == .null, "no integration, no results")
            var notes = stored["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(notes.contains("MISSING_SIGNATURE_VERIFICATION_DATA") && !notes.contains("MISSING_SIGNATURE"), "\(notes)")
            var shown = try await Self.openShiftSignatures(api, image)
            try #require(shown.count == 1)
            #expect(Self.condition(shown[0], "Trusted")?["reason"]?.stringValue == "NoSignatureIntegration")

            // The registry's signature is replaced by a stranger's after the scan: what follows
            // must judge the stored signature, so a fetch would show here as the wrong verdicts.
            try CosignSignatureArtifact(layers: [.init(payload: payload, signature: replacement)]).push(to: image.repository, signing: image.digest)

            let matching = try await Self.createIntegration(api, Self.keyIntegration("release", keys: [("release-key", releasePEM)]))
            stored = try await Self.stackRoxImage(api, image)
            #expect(Self.results(stored)[matching]?["status"]?.stringValue == "VERIFIED", "a key added after the scan counts at once")
            #expect(Self.results(stored)[matching]?["verifiedImageReferences"]?.arrayValue == [.string(image.reference)])
            notes = stored["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(!notes.contains("MISSING_SIGNATURE_VERIFICATION_DATA"), "\(notes)")
            shown = try await Self.openShiftSignatures(api, image)
            try #require(shown.count == 1)
            #expect(Self.condition(shown[0], "Trusted")?["status"]?.stringValue == "True")

            let other = try await Self.createIntegration(api, Self.keyIntegration("stranger", keys: [("stranger-key", strangerPEM)]))
            stored = try await Self.stackRoxImage(api, image)
            #expect(Self.results(stored).count == 2)
            #expect(Self.results(stored)[other]?["status"]?.stringValue == "FAILED_VERIFICATION", "judged on the stored signature, not the registry's new one")

            // Rotating the matching integration's key away makes it fail.
            let put = try await api.send(.put, "/v1/signatureintegrations/\(matching)",
                                         json: Self.keyIntegration("release", keys: [("rotated-key", rotatedPEM)], id: matching))
            #expect(put.status == .ok, "\(put.text)")
            stored = try await Self.stackRoxImage(api, image)
            #expect(Self.results(stored)[matching]?["status"]?.stringValue == "FAILED_VERIFICATION")
            shown = try await Self.openShiftSignatures(api, image)
            try #require(shown.count == 1)
            #expect(Self.condition(shown[0], "Trusted")?["status"]?.stringValue == "False")
            #expect(Self.condition(shown[0], "Trusted")?["reason"]?.stringValue == "NotVerified")

            // Deleting an integration removes its result; deleting the last removes the data.
            #expect(try await api.send(.delete, "/v1/signatureintegrations/\(matching)").status == .ok)
            stored = try await Self.stackRoxImage(api, image)
            #expect(Array(Self.results(stored).keys) == [other])
            #expect(try await api.send(.delete, "/v1/signatureintegrations/\(other)").status == .ok)
            stored = try await Self.stackRoxImage(api, image)
            #expect(Self.results(stored).isEmpty)
            notes = stored["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(notes.contains("MISSING_SIGNATURE_VERIFICATION_DATA"), "\(notes)")
            #expect(stored["signature"]?["signatures"]?.arrayValue?.count == 1, "the signatures themselves stay")
        }
    }

    @Test func aKeylessSignatureShowsItsCertificate() async throws {
        let image = try Self.pushImage("keyless")
        let authority = try CosignTestSigner.CertificateAuthority.make(name: "Sig")
        let leaf = try authority.issueLeaf(email: "dev@example.com", oidcIssuer: "https://issuer.example")
        let payload = CosignTestSigner.payload(digest: image.digest, reference: image.repository)
        let signature = try CosignTestSigner.sign(payload, with: leaf.key)
        let chain = try authority.chainPEM
        try CosignSignatureArtifact(layers: [.init(payload: payload, signature: signature, certificatePEM: leaf.pem, chainPEM: chain)])
            .push(to: image.repository, signing: image.digest)
        let rootPEM = try authority.rootPEM, leafPEM = leaf.pem, leafKeyID = CosignTestSigner.publicKeyID(leaf.key.publicKey)

        let test = try await TestServer.make()
        try await test.withClient { api in
            try await Self.allowRegistry(api)
            let keyless = try await Self.createIntegration(api, String(decoding: CosignSignatureArtifact.json([
                "name": "keyless",
                "cosignCertificates": [["certificateChainPemEnc": rootPEM, "certificateIdentity": "^dev@example\\.com$",
                                        "certificateOidcIssuer": "^https://issuer\\.example$"]],
            ]), as: UTF8.self))
            try await Self.scan(api, image)
            let stored = try await Self.stackRoxImage(api, image)
            #expect(Self.results(stored)[keyless]?["status"]?.stringValue == "VERIFIED", "\(Self.results(stored))")
            let cosign = stored["signature"]?["signatures"]?.arrayValue?.first?["cosign"]
            #expect(cosign?["certPem"]?.stringValue.flatMap { Data(base64Encoded: $0) } == Data(leafPEM.utf8))
            #expect(cosign?["certChainPem"]?.stringValue.flatMap { Data(base64Encoded: $0) } == Data(chain.utf8))

            let view = try #require(try await Self.openShiftSignatures(api, image).first)
            #expect(view["issuedBy"] == ["organization": "Sig Org", "commonName": "Sig Intermediate CA"])
            #expect(view["issuedTo"] == ["commonName": "dev@example.com", "publicKeyID": .string(leafKeyID)])
            #expect(Self.condition(view, "Trusted")?["status"]?.stringValue == "True")
            #expect(Self.condition(view, "Trusted")?["message"]?.stringValue?.contains("certificate verifier 1") == true)
        }
    }
}
