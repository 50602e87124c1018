import BerthModel
import BerthRegistry
import BerthSignatures
import Foundation
import Logging

/// What a scan learns about an image's signatures: the cosign signatures in its repository,
/// and one verification result per signature integration, in StackRox's shapes
/// (`signature.signatures[].cosign`, `signatureVerificationData.results[]`).
public struct ImageSigning: Sendable {
    let integrations: SignatureIntegrationService
    let logger = Logger(label: "berth.signatures")

    public init(integrations: SignatureIntegrationService) {
        self.integrations = integrations
    }

    public struct Outcome: Sendable {
        public var signature: JSONValue?
        public var verification: JSONValue?
        public var signatures: [CosignSignature]
        public var results: [SignatureVerificationResult]
    }

    /// A registry that cannot be read for signatures leaves both fields unset (the notes then
    /// say MISSING_SIGNATURE): "unsigned" is only said of an image whose signatures were read.
    public func evaluate(client: RegistryClient, repository: String, digest: String, names: [String]) async -> Outcome {
        let found: [CosignSignature]
        do {
            found = try await CosignDiscovery(client: client, repository: repository).signatures(for: digest)
        } catch {
            logger.warning("signatures of \(repository)@\(digest) could not be read: \(error)")
            return Outcome(signature: nil, verification: nil, signatures: [], results: [])
        }
        let configured = (try? await integrations.list()) ?? []
        var results: [SignatureVerificationResult] = []
        if !found.isEmpty {
            for integration in configured {
                results.append(await SignatureVerifier(integration: integration).verify(found, imageDigest: digest, imageNames: names))
            }
        }
        return Outcome(signature: Self.signatureJSON(found), verification: results.isEmpty ? nil : Self.verificationJSON(results),
                       signatures: found, results: results)
    }

    static func signatureJSON(_ signatures: [CosignSignature]) -> JSONValue {
        let items: [JSONValue] = signatures.map { signature in
            var cosign: [String: JSONValue] = [:]
            if let bundle = signature.sigstoreBundle {
                cosign["signaturePayload"] = .string(Data(bundle).base64EncodedString())
            } else {
                cosign["rawSignature"] = .string(Data(base64Encoded: signature.signatureBase64)?.base64EncodedString() ?? signature.signatureBase64)
                cosign["signaturePayload"] = .string(Data(signature.payload).base64EncodedString())
            }
            if let certificate = signature.certificatePEM { cosign["certPem"] = .string(Data(certificate.utf8).base64EncodedString()) }
            if let chain = signature.chainPEM { cosign["certChainPem"] = .string(Data(chain.utf8).base64EncodedString()) }
            return ["cosign": .object(cosign)]
        }
        return ["signatures": .array(items), "fetched": .string(Timestamps.format(Date()))]
    }

    static func verificationJSON(_ results: [SignatureVerificationResult]) -> JSONValue {
        ["results": .array(results.map { result in
            var object: [String: JSONValue] = [
                "verificationTime": .string(Timestamps.format(result.verificationTime)), "verifierId": .string(result.verifierID),
                "status": .string(result.status.rawValue),
                "verifiedImageReferences": .array(result.verifiedImageReferences.map { .string($0) }),
            ]
            if let description = result.description { object["description"] = .string(description) }
            return .object(object)
        })]
    }
}
