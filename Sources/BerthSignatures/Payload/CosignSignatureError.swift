/// Why a registry layer could not be turned into a ``CosignSignature``.
///
/// A fetcher meets layers that are not signatures at all (attestations, foreign artifacts), so this
/// is an expected outcome to skip over, not a verification failure.
public enum CosignSignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The layer has no `dev.cosignproject.cosign/signature` annotation, so it carries no signature.
    case missingSignatureAnnotation

    public var description: String {
        switch self {
        case .missingSignatureAnnotation:
            return "layer has no \(CosignAnnotation.signature) annotation, so it is not a cosign signature"
        }
    }
}
