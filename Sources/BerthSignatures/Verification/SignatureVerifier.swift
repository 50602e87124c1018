import Foundation
import X509

/// Verifies an image's cosign signatures against one signature integration.
///
/// The rule is StackRox's: the image is verified when ANY signature verifies under ANY configured
/// key or certificate and its payload claims this image's digest (`verifier_1(sig_1) OR … OR
/// verifier_N(sig_N)` in `cosign_sig_verifier.go`). The verified names are the union, sorted, of the
/// names each verified signature covers.
///
/// When nothing verifies, the status is chosen in this order:
/// 1. Configuration first. No keys and no certificates at all is `FAILED_VERIFICATION`, as StackRox's
///    `errNoVerificationData`. If keys or certificates are configured but none is usable, the status
///    is `INVALID_SIGNATURE_ALGO` when one of them uses an unsupported algorithm, else `GENERIC_ERROR`.
///    Usable keys still run when others of the same integration are bad; the bad ones are named in the
///    description.
/// 2. The image digest next, as StackRox checks it before reading signatures: a non-sha256 digest is
///    `INVALID_SIGNATURE_ALGO` (`errInvalidHashAlgo`), a missing or malformed one `GENERIC_ERROR`.
/// 3. No signatures at all is `FAILED_VERIFICATION`.
/// 4. Otherwise the worst failure across all signatures wins, ranked
///    `CORRUPTED_SIGNATURE` > `FAILED_VERIFICATION` > `INVALID_SIGNATURE_ALGO` > `GENERIC_ERROR`.
///    Corruption outranks a cryptographic failure because StackRox decodes every signature before
///    verifying any and ends the whole verification as `CORRUPTED_SIGNATURE` when one cannot be
///    decoded. (Berth still lets a verifying signature win over a corrupt sibling, which StackRox's
///    early return does not.) Every other failure inside StackRox's verification loop, whether a
///    wrong key, an untrusted chain, an identity mismatch or another image's digest, is
///    `FAILED_VERIFICATION`; an unsupported key inside a signature's own certificate is
///    `INVALID_SIGNATURE_ALGO`.
///
/// The description lists every failure, per signature and verifier, so a person can tell a rotated
/// key from a wrong digest from a missing trust root.
///
/// Transparency-log (Rekor) proofs and SCTs are not checked: verification is offline.
public struct SignatureVerifier: Sendable {
    public let integration: SignatureIntegration
    private let configured: ConfiguredVerifiers

    public init(integration: SignatureIntegration) {
        self.integration = integration
        self.configured = ConfiguredVerifiers(integration: integration)
    }

    /// Parts of the integration that cannot be used and are skipped during verification.
    public var configurationProblems: [SignatureIntegrationProblem] { configured.problems }

    /// Verifies `signatures` for the image with manifest digest `imageDigest` (`sha256:<hex>`).
    ///
    /// - Parameters:
    ///   - imageNames: the image's full names (`127.0.0.1:5000/team/app:1.0`); a verified legacy
    ///     signature covers those in the repository its payload's docker-reference names, a verified
    ///     bundle covers all of them.
    ///   - validationTime: the instant certificate validity is judged at. Fulcio certificates live
    ///     ten minutes, so pass the signature's trusted timestamp when there is one, else now.
    public func verify(
        _ signatures: [CosignSignature],
        imageDigest: String,
        imageNames: [String],
        at validationTime: Date = Date()
    ) async -> SignatureVerificationResult {
        let started = Date()
        func outcome(
            _ status: SignatureVerificationStatus, _ description: String?,
            references: [String] = [], matches: [SignatureMatch] = []
        ) -> SignatureVerificationResult {
            SignatureVerificationResult(
                verifierID: integration.id, verifierName: integration.name,
                status: status, description: description,
                verifiedImageReferences: references,
                verificationTime: started, certificateValidationTime: validationTime,
                matches: matches)
        }

        let problemsText = configured.problems.map(\.description).joined(separator: "; ")
        if configured.isEmpty {
            let status: SignatureVerificationStatus
            if integration.publicKeys.isEmpty && integration.certificates.isEmpty {
                status = .failedVerification
            } else if configured.problems.contains(where: { $0.kind == .unsupportedAlgorithm }) {
                status = .invalidSignatureAlgo
            } else {
                status = .genericError
            }
            return outcome(status, "signature integration \"\(integration.name)\" cannot verify anything: \(problemsText)")
        }

        let digest: ImageDigest
        switch ImageDigest.parse(imageDigest) {
        case .success(let parsed): digest = parsed
        case .failure(let failure): return outcome(failure.kind.status, failure.message)
        }

        guard !signatures.isEmpty else {
            return outcome(.failedVerification, "no cosign signatures were found for image \(digest.string)")
        }

        var names: [String] = []
        for name in imageNames where !name.isEmpty && !names.contains(name) { names.append(name) }

        var failures: [(signature: Int, verifier: String?, failure: VerificationFailure)] = []
        var references = Set<String>()
        var matches: [SignatureMatch] = []
        for (index, signature) in signatures.enumerated() {
            let prepared: PreparedSignature
            switch PreparedSignature.prepare(signature, index: index) {
            case .success(let value): prepared = value
            case .failure(let failure):
                failures.append((index, nil, failure))
                continue
            }
            for key in configured.keys {
                let label = "public key \"\(key.name)\""
                switch attempt(key: key, on: prepared, digest: digest, names: names) {
                case .success(let covered):
                    references.formUnion(covered)
                    matches.append(SignatureMatch(signatureIndex: index, verifierName: key.name, publicKeyID: key.verifier.publicKeyID))
                case .failure(let failure):
                    failures.append((index, label, failure))
                }
            }
            for rule in configured.certificateRules {
                switch await attempt(rule: rule, on: prepared, digest: digest, names: names, at: validationTime) {
                case .success(let (covered, identity)):
                    references.formUnion(covered)
                    matches.append(SignatureMatch(signatureIndex: index, verifierName: rule.label, certificate: identity))
                case .failure(let failure):
                    failures.append((index, rule.label, failure))
                }
            }
        }

        if !matches.isEmpty {
            return outcome(.verified, nil, references: references.sorted(), matches: matches)
        }
        let worst = failures.map(\.failure.kind).max() ?? .failedVerification
        let summary = signatures.count == 1
            ? "the image's only signature did not verify against \"\(integration.name)\""
            : "none of the image's \(signatures.count) signatures verified against \"\(integration.name)\""
        var parts: [String] = []
        for entry in failures {
            let place = entry.verifier.map { "signature \(entry.signature + 1), \($0)" } ?? "signature \(entry.signature + 1)"
            parts.append("\(place): \(entry.failure.message)")
        }
        var description = summary + ": " + parts.joined(separator: "; ")
        if !configured.problems.isEmpty {
            description += " (skipped unusable configuration: \(problemsText))"
        }
        return outcome(worst.status, description)
    }

    // MARK: - One signature under one verifier

    private func attempt(
        key: ConfiguredVerifiers.Key, on signature: PreparedSignature, digest: ImageDigest, names: [String]
    ) -> Result<[String], VerificationFailure> {
        let mismatch = VerificationFailure.failed(
            "the signature does not verify with this key (\(key.verifier.algorithm.rawValue), fingerprint \(key.verifier.publicKeyID))")
        switch signature.content {
        case .simpleSigning(let payload, let raw, let claims):
            guard key.verifier.isValidSignature(raw, for: payload) else { return .failure(mismatch) }
            return Self.coveredNames(claims: claims, digest: digest, names: names)
        case .dsse(let payloadType, let encoding, let raws, let statement):
            guard raws.contains(where: { key.verifier.isValidSignature($0, for: encoding) }) else { return .failure(mismatch) }
            return Self.coveredNames(payloadType: payloadType, statement: statement, digest: digest, names: names)
        }
    }

    private func attempt(
        rule: ConfiguredVerifiers.CertificateRule, on signature: PreparedSignature,
        digest: ImageDigest, names: [String], at time: Date
    ) async -> Result<([String], CertificateIdentity), VerificationFailure> {
        let leaf: Certificate
        var chain: [Certificate] = []
        if let pinned = rule.pinnedLeaf {
            leaf = pinned
        } else {
            switch signature.certificates {
            case nil:
                return .failure(.failed(
                    "the signature carries no certificate (it was made with a key); configure that public key to verify it"))
            case .failure(let failure):
                return .failure(failure)
            case .success(let certificates):
                leaf = certificates.leaf
                chain = certificates.chain
            }
        }

        let leafKey: PublicKeyVerifier
        do {
            leafKey = try PublicKeyVerifier(subjectPublicKeyInfo: try PEMCertificates.subjectPublicKeyInfo(of: leaf))
        } catch let error as PublicKeyError {
            return .failure(error.isUnsupportedAlgorithm
                ? .unsupported("the signing certificate's key: \(error)")
                : .corrupted("the signing certificate's key: \(error)"))
        } catch {
            return .failure(.corrupted("the signing certificate's key cannot be read (\(error))"))
        }

        switch await CertificateChainValidator.validate(
            leaf: leaf, untrustedIntermediates: chain, trustRoot: rule.trustRoot, at: time)
        {
        case .invalid(let reason): return .failure(.failed(reason))
        case .valid: break
        }

        let identity = CertificateIdentity(certificate: leaf)
        let subjectPattern: IdentityPattern
        let issuerPattern: IdentityPattern
        do {
            subjectPattern = try IdentityPattern(rule.identity)
            issuerPattern = try IdentityPattern(rule.oidcIssuer)
        } catch {
            return .failure(.generic("the identity or issuer expression does not compile (\(error))"))
        }
        let sans = identity.subjectAlternativeNames
        guard subjectPattern.matchesAny(sans) else {
            let shown = sans.isEmpty ? "no subject alternative names" : "SANs " + sans.map { "\"\($0)\"" }.joined(separator: ", ")
            return .failure(.failed("the certificate identity (\(shown)) does not match certificateIdentity \"\(rule.identity)\""))
        }
        guard issuerPattern.matches(identity.oidcIssuer ?? "") else {
            let shown = identity.oidcIssuer.map { "OIDC issuer \"\($0)\"" } ?? "no OIDC issuer extension"
            return .failure(.failed("the certificate's \(shown) does not match certificateOidcIssuer \"\(rule.oidcIssuer)\""))
        }

        let mismatch = VerificationFailure.failed(
            "the signature does not verify with the key of its certificate (issued to \"\(identity.subjectDisplayName)\")")
        let covered: Result<[String], VerificationFailure>
        switch signature.content {
        case .simpleSigning(let payload, let raw, let claims):
            guard leafKey.isValidSignature(raw, for: payload) else { return .failure(mismatch) }
            covered = Self.coveredNames(claims: claims, digest: digest, names: names)
        case .dsse(let payloadType, let encoding, let raws, let statement):
            guard raws.contains(where: { leafKey.isValidSignature($0, for: encoding) }) else { return .failure(mismatch) }
            covered = Self.coveredNames(payloadType: payloadType, statement: statement, digest: digest, names: names)
        }
        return covered.map { ($0, identity) }
    }

    // MARK: - Claims

    /// cosign's `SimpleClaimVerifier` plus StackRox's `getVerifiedImageReference`: the digest claim
    /// must equal the image's, and the names covered are those in the docker-reference's repository.
    private static func coveredNames(
        claims: Result<SimpleSigningPayload, SimpleSigningPayloadError>, digest: ImageDigest, names: [String]
    ) -> Result<[String], VerificationFailure> {
        let payload: SimpleSigningPayload
        switch claims {
        case .failure(let error): return .failure(.failed("the signature verifies, but \(error)"))
        case .success(let value): payload = value
        }
        guard payload.dockerManifestDigest == digest.string else {
            return .failure(.failed(
                "the signature verifies, but its payload claims image \(payload.dockerManifestDigest) while this image's digest is \(digest.string): the digests differ, so it signs another image"))
        }
        guard let signed = RepositoryName(payload.dockerReference) else {
            return .failure(.failed(
                "the signature verifies, but its docker-reference \"\(payload.dockerReference)\" is not a repository name, so it covers none of the image's names"))
        }
        let covered = names.filter { RepositoryName($0) == signed }
        guard !covered.isEmpty else {
            let shown = names.isEmpty ? "none were given" : names.joined(separator: ", ")
            return .failure(.failed(
                "the signature verifies, but it was made for repository \(signed.description) and none of the image's names are in it (\(shown))"))
        }
        return .success(covered)
    }

    /// A cosign v3 bundle binds a digest, not a name, so it covers every name of the image.
    private static func coveredNames(
        payloadType: String, statement: InTotoStatement?, digest: ImageDigest, names: [String]
    ) -> Result<[String], VerificationFailure> {
        guard payloadType == DSSEEnvelope.inTotoPayloadType, let statement else {
            return .failure(.failed("the DSSE payload type is \"\(payloadType)\", not \(DSSEEnvelope.inTotoPayloadType)"))
        }
        guard statement.predicateType == InTotoStatement.cosignSignPredicateType else {
            return .failure(.failed(
                "the bundle is an attestation of type \"\(statement.predicateType)\", not a cosign image signature (\(InTotoStatement.cosignSignPredicateType))"))
        }
        let digests = statement.subject.compactMap { $0.digest["sha256"] }
        guard digests.contains(digest.hex) else {
            let shown = digests.isEmpty ? "no sha256 digest" : digests.map { "sha256:" + $0 }.joined(separator: ", ")
            return .failure(.failed(
                "the signature verifies, but its statement names \(shown) while this image's digest is \(digest.string): the digests differ, so it signs another image"))
        }
        guard !names.isEmpty else {
            return .failure(.failed("the signature verifies, but no image names were given for it to cover"))
        }
        return .success(names)
    }
}
