/// `storage.Image.Note`, in enum order (notes are sorted by it).
public enum ImageNote: String, CaseIterable, Sendable {
    case missingMetadata = "MISSING_METADATA"
    case missingScanData = "MISSING_SCAN_DATA"
    case missingSignature = "MISSING_SIGNATURE"
    case missingSignatureVerificationData = "MISSING_SIGNATURE_VERIFICATION_DATA"
}
