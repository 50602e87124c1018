/// Why a compressed layer could not be decoded. Offsets count compressed
/// bytes, so they line up with the blob as the registry serves it.
public enum LayerCompressionError: Error, Sendable, Hashable, CustomStringConvertible {
    case corruptGzip(offset: Int64)
    /// The stream stopped before the gzip trailer: a cut download or a blob
    /// written by a crashed pusher.
    case truncatedGzip(offset: Int64)

    public var description: String {
        switch self {
        case .corruptGzip(let offset): "gzip data is corrupt near compressed offset \(offset)"
        case .truncatedGzip(let offset): "gzip stream ends before its trailer at compressed offset \(offset)"
        }
    }
}
