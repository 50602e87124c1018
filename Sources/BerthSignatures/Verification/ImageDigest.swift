/// The manifest digest being verified, checked before any signature is looked at.
///
/// Claims are compared as exact strings (cosign's `SimpleClaimVerifier`), so the digest is required
/// in canonical OCI form: a digest in another spelling would make every claim look like "another image".
struct ImageDigest: Sendable, Hashable {
    let hex: String
    var string: String { "sha256:" + hex }

    static func parse(_ text: String) -> Result<ImageDigest, VerificationFailure> {
        guard !text.isEmpty else {
            return .failure(.generic("the image has no manifest digest, so no signature can be matched to it"))
        }
        guard let colon = text.firstIndex(of: ":") else {
            return .failure(.generic("image digest \"\(text)\" is not of the form sha256:<64 hex digits>"))
        }
        let algorithm = text[..<colon]
        let hex = text[text.index(after: colon)...]
        guard algorithm == "sha256" else {
            // StackRox answers a non-sha256 image hash with INVALID_SIGNATURE_ALGO (errInvalidHashAlgo).
            return .failure(.unsupported("image digest uses \(algorithm); only sha256 manifest digests can be verified"))
        }
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            return .failure(.generic("image digest \"\(text)\" is not of the form sha256:<64 lowercase hex digits>"))
        }
        return .success(ImageDigest(hex: String(hex)))
    }
}
