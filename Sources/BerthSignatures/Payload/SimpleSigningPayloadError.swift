/// Why payload bytes are not an acceptable simple-signing document.
///
/// The verifier maps ``notJSON`` and ``missingField(_:)`` to `CORRUPTED_SIGNATURE` (the bytes are
/// not a cosign payload at all) and ``unsupportedType(_:)`` to `FAILED_VERIFICATION` (a well-formed
/// document that does not claim to be an image signature).
public enum SimpleSigningPayloadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not a JSON object.
    case notJSON(String)
    /// A field cosign always writes is absent or has the wrong JSON type; the associated value is its path.
    case missingField(String)
    /// `critical.type` names something other than a cosign container image signature.
    case unsupportedType(String)
    /// Both digest spellings are present and disagree, so which image was signed is ambiguous.
    case conflictingDigests(String, String)

    public var description: String {
        switch self {
        case .notJSON(let detail):
            return "payload is not a JSON object (\(detail))"
        case .missingField(let path):
            return "payload has no valid \(path) field"
        case .unsupportedType(let type):
            return "payload type \"\(type)\" is not \"\(SimpleSigningPayload.cosignType)\""
        case .conflictingDigests(let lower, let upper):
            return "payload names two different digests (docker-manifest-digest \(lower), Docker-manifest-digest \(upper))"
        }
    }
}
