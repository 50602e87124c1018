import Foundation
import NIOCore

/// Reads one layer: decoding, tar parsing, whiteout bookkeeping, and
/// collecting the files some analyzer asked for.
///
/// It lives for a single `LayerWalker.walk` call, which keeps the zlib state
/// (a non-Sendable class) local to that call and leaves `LayerWalker` a plain
/// Sendable value.
struct LayerReader {
    /// A wanted file whose body is still arriving.
    private struct PendingFile {
        var entry: FileEntry
        var analyzers: [any FileAnalyzer]
        var contents: Data
    }

    let layerIndex: Int
    let analyzers: [any FileAnalyzer]
    let maxFileSize: Int64
    private var decoder = LayerDecoder()
    private var parser = TarParser()
    private var pending: PendingFile?
    private(set) var changes: LayerChanges
    private(set) var statistics = LayerWalkStatistics()

    init(layerIndex: Int, analyzers: [any FileAnalyzer], maxFileSize: Int64, lowerPaths: some Collection<String>) {
        self.layerIndex = layerIndex
        self.analyzers = analyzers
        self.maxFileSize = maxFileSize
        changes = LayerChanges(layerIndex: layerIndex, lowerPaths: lowerPaths)
    }

    /// Set when sniffing found a compression we cannot read; the caller stops feeding.
    var unsupportedCompression: String? {
        if case .unsupported(let name) = decoder.codec { name } else { nil }
    }

    mutating func consume(_ chunk: ByteBuffer) throws {
        statistics.compressedBytesRead += Int64(chunk.readableBytes)
        var chunk = chunk
        while var tar = try decoder.next(&chunk) {
            try parse(&tar)
        }
        statistics.uncompressedBytesRead = decoder.uncompressedBytes
    }

    /// The byte stream has ended: it must have ended cleanly for the layer to count.
    mutating func finish() throws {
        if var tail = try decoder.finish() {
            try parse(&tail)
        }
        statistics.uncompressedBytesRead = decoder.uncompressedBytes
        try parser.finish()
    }

    private mutating func parse(_ tar: inout ByteBuffer) throws {
        while let event = try parser.next(from: &tar) {
            switch event {
            case .entry(let entry):
                statistics.entriesSeen += 1
                begin(entry)
            case .body(let slice):
                guard pending != nil else { break }
                slice.withUnsafeReadableBytes { raw in
                    pending!.contents.append(contentsOf: raw)
                }
            case .entryEnd:
                if let file = pending {
                    pending = nil
                    analyze(file)
                }
            case .archiveEnd:
                decoder.tarArchiveEnded()
            }
            let buffered = parser.bufferedByteCount + decoder.bufferedByteCount + (pending?.contents.count ?? 0)
            statistics.peakBufferedBytes = max(statistics.peakBufferedBytes, buffered)
        }
    }

    /// Decides what a member means for the merged filesystem and whether its
    /// body is read; every member not read is skipped without being buffered.
    private mutating func begin(_ entry: TarEntry) {
        let path = LayerPath.clean(entry.path)
        guard !path.isEmpty else {
            parser.skipBody()
            return
        }
        let (directory, base) = LayerPath.split(path)
        if base == ".wh..wh..opq" {
            changes.addOpaqueDirectory(directory)
            parser.skipBody()
            return
        }
        if base.hasPrefix(".wh.") {
            let target = base.dropFirst(4)
            // A bare `.wh.` is invalid per the spec, and `.wh..wh.*` names are
            // aufs bookkeeping (hard-link dirs), not deletions; neither is content.
            if !target.isEmpty, !target.hasPrefix(".wh.") {
                changes.addWhiteout(LayerPath.join(directory, String(target)))
            }
            parser.skipBody()
            return
        }

        changes.noteMember(at: path, isDirectory: entry.type == .directory)
        guard entry.type == .regular else {
            parser.skipBody()
            return
        }
        let fileEntry = FileEntry(path: path, size: entry.size, mode: entry.mode)
        let wanting = analyzers.filter { $0.wants(fileEntry) }
        guard !wanting.isEmpty else {
            parser.skipBody()
            return
        }
        guard entry.size <= maxFileSize else {
            let names = wanting.map(\.name).joined(separator: ", ")
            let problem = ScanProblem(
                layerIndex: layerIndex, path: path,
                message: "file is \(entry.size) bytes, over the \(maxFileSize) byte limit; not analysed by \(names)")
            changes.records[path] = FileRecord(layerIndex: layerIndex, findings: [], problems: [problem])
            parser.skipBody()
            return
        }
        var contents = Data()
        contents.reserveCapacity(Int(entry.size))
        pending = PendingFile(entry: fileEntry, analyzers: wanting, contents: contents)
    }

    private mutating func analyze(_ file: PendingFile) {
        let image = ImageFile(entry: file.entry, contents: file.contents, layerIndex: layerIndex)
        var findings: [Finding] = []
        var problems: [ScanProblem] = []
        for analyzer in file.analyzers {
            do {
                findings += try analyzer.analyze(image)
            } catch {
                problems.append(
                    ScanProblem(layerIndex: layerIndex, path: file.entry.path, message: "\(analyzer.name): \(error)"))
            }
        }
        statistics.filesAnalysed += 1
        statistics.bytesAnalysed += Int64(file.contents.count)
        if !findings.isEmpty || !problems.isEmpty {
            changes.records[file.entry.path] = FileRecord(layerIndex: layerIndex, findings: findings, problems: problems)
        }
    }
}
