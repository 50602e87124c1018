/// Why a byte stream is not a readable tar archive. Every case carries the
/// offset in the uncompressed stream, because "layer 3 is corrupt" is not
/// actionable but "bad header at byte 1536" lets someone inspect the blob.
public enum TarFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    case badChecksum(offset: Int64, stored: String, computed: Int)
    case invalidNumericField(offset: Int64, field: String)
    /// A zero block followed by a non-zero one: not an end marker, not a header.
    case unexpectedBlockAfterZeroBlock(offset: Int64)
    case invalidPAXRecord(offset: Int64, reason: String)
    /// PAX and GNU long-name bodies are held in memory, so they are capped.
    case metadataTooLarge(offset: Int64, size: Int64, limit: Int64)
    /// The stream ended inside a header, a body or its padding.
    case truncated(offset: Int64, expectedMore: String)

    public var description: String {
        switch self {
        case .badChecksum(let offset, let stored, let computed):
            "tar header at offset \(offset) has a bad checksum (stored \"\(stored)\", computed \(computed))"
        case .invalidNumericField(let offset, let field):
            "tar header at offset \(offset) has an invalid \(field) field"
        case .unexpectedBlockAfterZeroBlock(let offset):
            "tar stream has a non-zero block at offset \(offset) right after a zero block"
        case .invalidPAXRecord(let offset, let reason):
            "PAX header at offset \(offset) is invalid: \(reason)"
        case .metadataTooLarge(let offset, let size, let limit):
            "tar metadata entry at offset \(offset) is \(size) bytes, more than the \(limit) byte limit"
        case .truncated(let offset, let expectedMore):
            "tar stream truncated at offset \(offset): expected \(expectedMore)"
        }
    }
}
