import BerthModel
import BerthSignatures
import Crypto
import Foundation

/// The cosign signatures a scan found, shown as OpenShift ImageSignatures inside their Image.
///
/// They are derived on every read from what the scan stored (the StackRox `signature` field and
/// Berth's per-signature verdicts), never copied into the OpenShift record: the registry owns
/// them, so they are read-only here, and a rescan or an integration change shows at once.
///
/// - `type` is the signature's media type, `application/vnd.dev.cosign.simplesigning.v1+json`
///   for a `.sig` layer (the value containers/image gives sigstore signatures) or
///   `application/vnd.dev.sigstore.bundle.v0.3+json` for a bundle: OpenShift's only defined
///   type, `AtomicImageV1`, names a GPG format these are not, and its field describes "a type of
///   stored blob", which a media type does exactly.
/// - `content` is the simple-signing payload (or the whole bundle); the detached signature
///   stays in the StackRox view's `rawSignature`.
/// - The name is `<digest>@<first 32 hex of the SHA-256 of the signature bytes>`: stable across
///   rescans, and 32 hex digits as OpenShift's own signature names have.
enum CosignImageSignatures {
    static func make(_ image: Image) -> [ImageSignature] {
        let signatures = CosignSignature.stored(in: image)
        guard !signatures.isEmpty else { return [] }
        let results = image.signatureVerificationData?["results"]?.arrayValue ?? []
        let probed = results.compactMap { $0["verificationTime"]?.stringValue.flatMap(Timestamps.parse) }.max()
        let fetched = image.signature?["fetched"]?.stringValue.flatMap(Timestamps.parse)
        let probeTime = (probed ?? fetched).map(KubeTime.format)
        return signatures.enumerated().map { index, cosign in
            let claims = SignatureClaims(of: cosign)
            let verdicts = (image.verifiedSignatures ?? []).filter { $0.index == index }
            var signature = ImageSignature()
            signature.metadata.name = name(imageID: image.id, signature: cosign)
            signature.metadata.uid = KubeNames.stableUID(for: signature.metadata.name ?? "")
            signature.metadata.creationTimestamp = fetched.map(KubeTime.format)
            signature.type = cosign.sigstoreBundle == nil ? CosignDiscovery.simpleSigningMediaType : CosignDiscovery.bundleArtifactType
            signature.content = Data(cosign.sigstoreBundle ?? cosign.payload).base64EncodedString()
            signature.conditions = [
                trusted(verdicts, integrations: results.count, at: probeTime),
                forImage(claims, imageID: image.id, at: probeTime),
            ]
            signature.imageIdentity = claims.dockerReference
            if let optional = claims.optional, !optional.isEmpty {
                signature.signedClaims = optional.mapValues(claimText)
            }
            if case .integer(let seconds)? = claims.optional?["timestamp"] {
                signature.created = KubeTime.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
            }
            if let certificate = claims.certificate {
                var issuer: [String: JSONValue] = [:]
                if let organization = certificate.issuerOrganization { issuer["organization"] = .string(organization) }
                if let commonName = certificate.issuerCommonName { issuer["commonName"] = .string(commonName) }
                signature.issuedBy = issuer.isEmpty ? nil : .object(issuer)
                var subject: [String: JSONValue] = ["publicKeyID": .string(certificate.publicKeyID)]
                if let organization = certificate.subjectOrganization { subject["organization"] = .string(organization) }
                if !certificate.subjectDisplayName.isEmpty { subject["commonName"] = .string(certificate.subjectDisplayName) }
                signature.issuedTo = .object(subject)
            } else if let key = verdicts.first(where: { !$0.publicKeyID.isEmpty }) {
                // A keyed signature names no signer; the key that verified it is the answer.
                signature.issuedTo = ["publicKeyID": .string(key.publicKeyID)]
            }
            return signature
        }
    }

    static func names(of image: Image) -> Set<String> {
        Set(CosignSignature.stored(in: image).map { name(imageID: image.id, signature: $0) })
    }

    static func name(imageID: String, signature: CosignSignature) -> String {
        let bytes: [UInt8]
        if let bundle = signature.sigstoreBundle {
            bytes = bundle
        } else {
            let compact = signature.signatureBase64.filter { !$0.isWhitespace }
            bytes = Data(base64Encoded: compact).map { [UInt8]($0) } ?? Array(signature.signatureBase64.utf8)
        }
        let hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return "\(imageID)@\(hex.prefix(32))"
    }

    /// A message saying what was tried, since the reasons per integration are in the StackRox view.
    private static func trusted(_ verdicts: [VerifiedSignature], integrations: Int, at time: String?) -> JSONValue {
        if !verdicts.isEmpty {
            let by = verdicts.map { "\"\($0.verifierName)\" (\($0.verifiedWith))" }.joined(separator: ", ")
            return condition("Trusted", true, reason: "Verified", message: "verified by signature integration \(by)", at: time)
        }
        if integrations == 0 {
            return condition("Trusted", false, reason: "NoSignatureIntegration",
                             message: "no signature integration is configured to verify it", at: time)
        }
        return condition("Trusted", false, reason: "NotVerified",
                         message: "none of the \(integrations) signature integration(s) verified it; the StackRox image's signatureVerificationData says why",
                         at: time)
    }

    private static func forImage(_ claims: SignatureClaims, imageID: String, at time: String?) -> JSONValue {
        if claims.digests.contains(imageID) {
            return condition("ForImage", true, reason: "DigestMatches", message: "the signed payload names this image's digest", at: time)
        }
        if let problem = claims.problem {
            return condition("ForImage", false, reason: "UnreadablePayload", message: problem, at: time)
        }
        let named = claims.digests.isEmpty ? "no digest" : claims.digests.joined(separator: ", ")
        return condition("ForImage", false, reason: "DigestMismatch",
                         message: "the signed payload names \(named), not this image's digest \(imageID)", at: time)
    }

    private static func condition(_ type: String, _ status: Bool, reason: String, message: String, at time: String?) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string(type), "status": .string(status ? "True" : "False"),
            "reason": .string(reason), "message": .string(message),
        ]
        if let time {
            fields["lastProbeTime"] = .string(time)
            fields["lastTransitionTime"] = .string(time)
        }
        return .object(fields)
    }

    /// `signedClaims` is a string map: strings stay as they are, anything else is its JSON text.
    private static func claimText(_ value: ClaimValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array, .object: break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
