/// The outcome of verifying an image against one signature integration.
///
/// Raw values are StackRox's `ImageSignatureVerificationResult.Status` proto names, so results can be
/// stored and served in the RHACS wire format unchanged.
public enum SignatureVerificationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case unset = "UNSET"
    /// At least one signature verified under a configured key or certificate and claims this image's digest.
    case verified = "VERIFIED"
    /// Signatures were checked and none verified: wrong key, untrusted chain, identity mismatch, other digest.
    case failedVerification = "FAILED_VERIFICATION"
    /// A key or digest algorithm that can never verify here (DSA or secp256k1 keys, non-sha256 digests).
    case invalidSignatureAlgo = "INVALID_SIGNATURE_ALGO"
    /// Signature material that cannot be decoded: bad base64, a payload that is not JSON.
    case corruptedSignature = "CORRUPTED_SIGNATURE"
    /// Anything else: an unusable configuration, a malformed image digest.
    case genericError = "GENERIC_ERROR"
}
