import X509

/// A signature integration parsed into ready-to-use verifiers, with whatever could not be parsed.
///
/// Parsing once per integration keeps a bad key from being re-parsed (and re-reported) for every
/// signature, and lets the usable keys still verify when another key of the same integration is bad.
struct ConfiguredVerifiers: Sendable {
    struct Key: Sendable {
        var name: String
        var verifier: PublicKeyVerifier
    }

    struct CertificateRule: Sendable {
        var label: String
        var trustRoot: CertificateTrustRoot
        var pinnedLeaf: Certificate?
        var identity: String
        var oidcIssuer: String
    }

    var keys: [Key] = []
    var certificateRules: [CertificateRule] = []
    var problems: [SignatureIntegrationProblem] = []

    init(integration: SignatureIntegration) {
        if integration.publicKeys.isEmpty && integration.certificates.isEmpty {
            problems.append(.init(
                field: "cosign", kind: .noVerificationData,
                message: "the integration has no public keys and no certificates to verify signatures against"))
        }
        for (index, key) in integration.publicKeys.enumerated() {
            let field = "cosign.publicKeys[\(index)].publicKeyPemEnc"
            do {
                keys.append(Key(name: key.name, verifier: try PublicKeyVerifier(pem: key.pem)))
            } catch {
                problems.append(.init(
                    field: field,
                    kind: error.isUnsupportedAlgorithm ? .unsupportedAlgorithm : .invalidPublicKey,
                    message: "public key \"\(key.name)\": \(error)"))
            }
        }
        for (index, rule) in integration.certificates.enumerated() {
            let base = "cosignCertificates[\(index)]"
            var usable = true
            var trustRoot: CertificateTrustRoot?
            do {
                trustRoot = try CertificateTrustRoot(pem: rule.trustRootPEM)
            } catch {
                usable = false
                let message = error == .emptyTrustRoot
                    ? "no trust root configured; Berth ships no public Sigstore roots, so paste the PEM CA chain that issues the signing certificates"
                    : error.description
                problems.append(.init(
                    field: base + ".certificateChainPemEnc",
                    kind: error.isUnsupportedAlgorithm ? .unsupportedAlgorithm : .invalidCertificate,
                    message: message))
            }
            var pinned: Certificate?
            if let pem = rule.certificatePEM {
                do {
                    pinned = try PEMCertificates.parse(pem, what: "the pinned certificate").first
                } catch {
                    usable = false
                    problems.append(.init(
                        field: base + ".certificatePemEnc",
                        kind: error.isUnsupportedAlgorithm ? .unsupportedAlgorithm : .invalidCertificate,
                        message: error.description))
                }
            }
            for (pattern, name) in [(rule.identity, "certificateIdentity"), (rule.oidcIssuer, "certificateOidcIssuer")] {
                if let reason = IdentityPattern.compileError(pattern) {
                    usable = false
                    problems.append(.init(field: "\(base).\(name)", kind: .invalidExpression, message: reason))
                }
            }
            if usable, let trustRoot {
                certificateRules.append(CertificateRule(
                    label: "certificate verifier \(index + 1)",
                    trustRoot: trustRoot, pinnedLeaf: pinned,
                    identity: rule.identity, oidcIssuer: rule.oidcIssuer))
            }
        }
    }

    var isEmpty: Bool { keys.isEmpty && certificateRules.isEmpty }
}
