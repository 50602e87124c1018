/// Counters for benchmarks and scan notes: how much was read and how much of
/// it the analyzers actually looked at.
public struct LayerWalkStatistics: Sendable, Codable, Hashable {
    public var layersWalked = 0
    /// Layers not read because their media type or compression is unsupported.
    public var layersSkipped = 0
    /// Bytes taken from the layer streams as the registry sent them.
    public var compressedBytesRead: Int64 = 0
    /// Tar bytes after decompression, including padding and end blocks.
    public var uncompressedBytesRead: Int64 = 0
    /// Tar members of every type, metadata pseudo-members excluded.
    public var entriesSeen = 0
    /// Regular files whose bytes were read and handed to analyzers.
    public var filesAnalysed = 0
    public var bytesAnalysed: Int64 = 0
    /// The most bytes held at once between chunks: a partial header, PAX or
    /// long-name metadata, the sniff window and the contents of the file being
    /// collected for an analyzer. The decoder's fixed 64 KiB inflate window and
    /// the caller's current chunk are not counted. Unwanted bodies never add
    /// to it, which is what shows the walk streams.
    public var peakBufferedBytes = 0

    public init() {}

    mutating func add(_ other: LayerWalkStatistics) {
        layersWalked += other.layersWalked
        layersSkipped += other.layersSkipped
        compressedBytesRead += other.compressedBytesRead
        uncompressedBytesRead += other.uncompressedBytesRead
        entriesSeen += other.entriesSeen
        filesAnalysed += other.filesAnalysed
        bytesAnalysed += other.bytesAnalysed
        peakBufferedBytes = max(peakBufferedBytes, other.peakBufferedBytes)
    }
}
