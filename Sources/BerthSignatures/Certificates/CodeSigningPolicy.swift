import SwiftASN1
import X509

/// The chain policy cosign applies on top of RFC 5280: every certificate that restricts its
/// extended key usage must allow code signing.
///
/// It also declares the SAN critical extension handled: Fulcio leaves have an empty subject and so
/// mark the SAN critical (RFC 5280 §4.2.1.6), and the identity check reads the SAN itself. Without
/// this, swift-certificates would reject every Fulcio leaf for an unhandled critical extension.
struct CodeSigningPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.subjectAlternativeName,
        .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        for (position, certificate) in chain.enumerated() {
            let usage: ExtendedKeyUsage?
            do {
                usage = try certificate.extensions.extendedKeyUsage
            } catch {
                let name = Self.name(certificate, position: position)
                return .failsToMeetPolicy(reason: "\(name) has an unreadable extended key usage extension")
            }
            guard let usage else { continue }
            if usage.contains(.codeSigning) || usage.contains(.any) { continue }
            let name = Self.name(certificate, position: position)
            return .failsToMeetPolicy(
                reason: "\(name) restricts its extended key usage and does not allow code signing (1.3.6.1.5.5.7.3.3)")
        }
        return .meetsPolicy
    }

    private static func name(_ certificate: Certificate, position: Int) -> String {
        position == 0 ? "the signing certificate" : "CA certificate \"\(certificate.subject)\""
    }
}
