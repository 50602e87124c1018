import NIOCore

/// Builds the package inventory of an image by reading its layers once each,
/// base first, as they stream from the registry.
///
/// A struct rather than a class: the walk is a sequence of mutations owned by
/// one scan task, so value semantics give Sendable for free (no locks, no
/// actor hops per chunk), and a copy taken before a layer is a checkpoint a
/// caller can fall back to if that layer fails. A layer's effects (its files'
/// findings and its whiteouts) are committed only when its stream has been read
/// to a clean end, so a walk that throws leaves the walker as it was before it.
///
/// Findings are keyed by file path, "last writer wins": a later layer that
/// rewrites `var/lib/dpkg/status`, replaces it with something else, or whites
/// it out drops everything the earlier copy yielded (Trivy's applier and
/// Clair's whiteout resolver behave the same way).
public struct LayerWalker: Sendable {
    public let analyzers: [any FileAnalyzer]
    /// Files above this size are not read into memory; a wanted one is noted
    /// as a problem instead, so a giant binary cannot exhaust the scanner.
    public let maxFileSize: Int64
    public private(set) var statistics = LayerWalkStatistics()
    var records: [String: FileRecord] = [:]
    var layerProblems: [ScanProblem] = []

    public init(analyzers: [any FileAnalyzer], maxFileSize: Int64 = 256 * 1024 * 1024) {
        self.analyzers = analyzers
        self.maxFileSize = maxFileSize
    }

    /// Reads one layer. Call once per layer, base first.
    ///
    /// A layer in a format we cannot read (zstd, an unknown media type) is not
    /// read at all and becomes a problem in the result, so the rest of the
    /// image is still scanned; the caller may cancel that download. Errors from
    /// `bytes` (a digest mismatch, a dropped connection) and malformed tar or
    /// gzip data are thrown unchanged.
    public mutating func walk<S: AsyncSequence>(
        layerIndex: Int, mediaType: String, bytes: S
    ) async throws where S.Element == ByteBuffer {
        guard LayerMediaType(mediaType) != .unsupported else {
            skipLayer(layerIndex, message: "unsupported layer media type \(mediaType)")
            return
        }
        var reader = LayerReader(
            layerIndex: layerIndex, analyzers: analyzers, maxFileSize: maxFileSize, lowerPaths: records.keys)
        defer { statistics.add(reader.statistics) }
        for try await chunk in bytes {
            try reader.consume(chunk)
            if let compression = reader.unsupportedCompression {
                skipLayer(layerIndex, message: "unsupported layer compression \(compression) in media type \(mediaType)")
                return
            }
        }
        try reader.finish()
        apply(reader.changes)
        statistics.layersWalked += 1
    }

    private mutating func skipLayer(_ layerIndex: Int, message: String) {
        layerProblems.append(ScanProblem(layerIndex: layerIndex, path: nil, message: message))
        statistics.layersSkipped += 1
    }
}
