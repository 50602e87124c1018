import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// Builds and checks a signing certificate's chain to a configured trust root at a chosen time.
///
/// The time is a parameter because a Fulcio leaf lives ten minutes: checked "now", every keyless
/// signature older than that fails. Callers pass the signature's timestamp when they trust one.
enum CertificateChainValidator {
    enum Outcome: Sendable {
        case valid([Certificate])
        case invalid(String)
    }

    /// Extensions the combined policy (RFC 5280 plus ``CodeSigningPolicy``) understands when critical.
    private static let handledCriticalExtensions: Set<ASN1ObjectIdentifier> = [
        .X509ExtensionID.basicConstraints,
        .X509ExtensionID.nameConstraints,
        .X509ExtensionID.keyUsage,
        .X509ExtensionID.subjectAlternativeName,
        .X509ExtensionID.extendedKeyUsage,
    ]

    static func validate(
        leaf: Certificate,
        untrustedIntermediates: [Certificate],
        trustRoot: CertificateTrustRoot,
        at time: Date
    ) async -> Outcome {
        let stamp = ISO8601DateFormatter()
        if time > leaf.notValidAfter {
            return .invalid(
                "the signing certificate expired at \(stamp.string(from: leaf.notValidAfter)), before the verification time \(stamp.string(from: time)); keyless certificates live minutes, so verify at the signature's timestamp")
        }
        if time < leaf.notValidBefore {
            return .invalid(
                "the signing certificate is not valid until \(stamp.string(from: leaf.notValidBefore)), after the verification time \(stamp.string(from: time))")
        }
        if let unhandled = leaf.extensions.first(where: { $0.critical && !handledCriticalExtensions.contains($0.oid) }) {
            return .invalid("the signing certificate has a critical extension \(unhandled.oid) that cannot be checked")
        }

        // Intermediates from the signature are only hints for chain building: trust comes from the
        // anchors alone, so a self-signed root shipped in the signature's chain is never trusted.
        let hints = untrustedIntermediates.filter { $0.subject != $0.issuer }
        var verifier = Verifier(rootCertificates: CertificateStore(trustRoot.anchors)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
            CodeSigningPolicy()
        }
        let result = await verifier.validate(
            leaf: leaf,
            intermediates: CertificateStore(trustRoot.intermediates + hints)
        )
        switch result {
        case .validCertificate(let chain):
            return .valid(Array(chain))
        case .couldNotValidate(let failures):
            if failures.isEmpty {
                let anchors = trustRoot.anchorSubjects.map { "\"\($0)\"" }.joined(separator: ", ")
                return .invalid(
                    "the signing certificate (issued by \"\(leaf.issuer)\") does not chain to the configured trust root (\(anchors))")
            }
            var reasons: [String] = []
            for failure in failures {
                let reason = String(describing: failure.policyFailureReason)
                if !reasons.contains(reason) { reasons.append(reason) }
            }
            return .invalid("the signing certificate's chain is not acceptable: " + reasons.prefix(3).joined(separator: "; "))
        }
    }
}
