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
        /// Berth's per-signature verdicts; `nil` when nothing verified.
        public var verified: [VerifiedSignature]?
    }

    /// What every integration says of a set of signatures.
    struct Judgement: Equatable {
        var verification: JSONValue?
        var verified: [VerifiedSignature]?
    }

    /// A registry that cannot be read for signatures leaves both fields unset (the notes then
    /// say MISSING_SIGNATURE): "unsigned" is only said of an image whose signatures were read.
    public func evaluate(client: RegistryClient, repository: String, digest: String, names: [String]) async -> Outcome {
        let found: [CosignSignature]
        do {
            found = try await CosignDiscovery(client: client, repository: repository).signatures(for: digest)
        } catch {
            logger.warning("signatures of \(repository)@\(digest) could not be read: \(error)")
            return Outcome(signature: nil, verification: nil, verified: nil)
        }
        let judgement = await Self.judge(found, digest: digest, names: names, integrations: (try? await integrations.list()) ?? [])
        return Outcome(signature: Self.signatureJSON(found), verification: judgement.verification, verified: judgement.verified)
    }

    /// Verifies `signatures` against every integration. An unsigned image gets no results at
    /// all, as in StackRox (its notes then say MISSING_SIGNATURE_VERIFICATION_DATA), and so does
    /// a signed one while no integration exists.
    static func judge(_ signatures: [CosignSignature], digest: String, names: [String], integrations: [SignatureIntegration]) async -> Judgement {
        guard !signatures.isEmpty else { return Judgement(verification: nil, verified: nil) }
        var results: [SignatureVerificationResult] = []
        var verified: [VerifiedSignature] = []
        for integration in integrations {
            let result = await SignatureVerifier(integration: integration).verify(signatures, imageDigest: digest, imageNames: names)
            results.append(result)
            verified += result.matches.map { match in
                VerifiedSignature(index: match.signatureIndex, verifierId: integration.id, verifierName: integration.name,
                                  verifiedWith: match.verifierName, publicKeyID: match.publicKeyID)
            }
        }
        return Judgement(verification: results.isEmpty ? nil : verificationJSON(results), verified: verified.isEmpty ? nil : verified)
    }

    static func signatureJSON(_ signatures: [CosignSignature]) -> JSONValue {
        ["signatures": .array(signatures.map(\.stackRoxJSON)), "fetched": .string(Timestamps.format(Date()))]
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
