import Foundation
import ZIPFoundation

/// Reads OSV records from what publishers ship: a single `.json` file (one
/// record or an array), a directory tree of them (a git checkout of an
/// advisory database), or an osv.dev `<ECOSYSTEM>/all.zip`.
///
/// Records are handed over in batches through `deliver`, and the next batch
/// is not decoded until `deliver` returns: a full osv.dev export is a few
/// hundred thousand records, and a store importing it should hold one batch
/// at a time, with back-pressure, rather than the whole feed.
///
/// The first bad file or entry stops the import with an `OSVLoadError` that
/// names it: a partially imported feed would silently under-report.
public struct OSVLoader: Sendable {
    public var batchSize: Int

    public init(batchSize: Int = 500) {
        self.batchSize = max(1, batchSize)
    }

    /// Loads everything under `url` and returns how many records were
    /// delivered. Directories are walked recursively in sorted path order,
    /// skipping hidden files and folders (`.git`), taking every `*.json`;
    /// zip entries are read in archive order, taking every `*.json` entry.
    @discardableResult
    public func load(
        from url: URL, deliver: @escaping @Sendable ([OSVRecord]) async throws -> Void
    ) async throws -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw OSVLoadError(source: url.path, reason: "no such file or directory")
        }
        var sink = OSVRecordBatcher(batchSize: batchSize, deliver: deliver)
        if isDirectory.boolValue {
            for file in try Self.jsonFiles(under: url) {
                try await loadFile(file, into: &sink)
            }
        } else if url.pathExtension.lowercased() == "zip" {
            try await loadArchive(url, into: &sink)
        } else {
            try await loadFile(url, into: &sink)
        }
        try await sink.flush()
        return sink.delivered
    }

    /// Decodes one JSON document (a record or an array of records) in full.
    /// For callers that already hold the bytes, such as an HTTP response of
    /// a single advisory; `source` only labels errors.
    public static func decodeDocument(_ data: Data, source: String) throws -> [OSVRecord] {
        let (isArray, elements) = try split(data, source: source, entry: nil)
        let decoder = JSONDecoder()
        return try elements.enumerated().map { offset, range in
            try decodeRecord(data, range, decoder: decoder, source: source, entry: nil, index: isArray ? offset : nil)
        }
    }

    private func loadFile(_ file: URL, into sink: inout OSVRecordBatcher) async throws {
        let data: Data
        do {
            data = try Data(contentsOf: file, options: .mappedIfSafe)
        } catch {
            throw OSVLoadError(source: file.path, reason: "cannot read the file: \(error.localizedDescription)")
        }
        try await decode(data, source: file.path, entry: nil, into: &sink)
    }

    private func loadArchive(_ url: URL, into sink: inout OSVRecordBatcher) async throws {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw OSVLoadError(source: url.path, reason: "not a readable zip archive: \(error)")
        }
        for entry in archive {
            guard entry.type == .file, entry.path.lowercased().hasSuffix(".json") else { continue }
            var data = Data()
            data.reserveCapacity(Int(min(entry.uncompressedSize, 16 << 20)))
            let checksum: CRC32
            do {
                checksum = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
            } catch {
                throw OSVLoadError(source: url.path, entry: entry.path, reason: "cannot extract the entry: \(error)")
            }
            guard checksum == entry.checksum else {
                throw OSVLoadError(
                    source: url.path, entry: entry.path, reason: "CRC-32 mismatch, the archive is corrupt")
            }
            try await decode(data, source: url.path, entry: entry.path, into: &sink)
        }
    }

    private func decode(_ data: Data, source: String, entry: String?, into sink: inout OSVRecordBatcher) async throws {
        let (isArray, elements) = try Self.split(data, source: source, entry: entry)
        let decoder = JSONDecoder()
        for (offset, range) in elements.enumerated() {
            let record = try Self.decodeRecord(
                data, range, decoder: decoder, source: source, entry: entry, index: isArray ? offset : nil)
            try await sink.append(record)
        }
    }

    private static func split(_ data: Data, source: String, entry: String?) throws -> (Bool, [Range<Int>]) {
        do {
            return try OSVJSONArraySplitter.split(data)
        } catch let error as OSVRecordDecodingError {
            throw OSVLoadError(source: source, entry: entry, reason: error.reason)
        }
    }

    private static func decodeRecord(
        _ data: Data, _ range: Range<Int>, decoder: JSONDecoder, source: String, entry: String?, index: Int?
    ) throws -> OSVRecord {
        let start = data.startIndex
        let bytes = data.subdata(in: (start + range.lowerBound)..<(start + range.upperBound))
        do {
            return try decoder.decode(OSVRecord.self, from: bytes)
        } catch let error as OSVRecordDecodingError {
            throw OSVLoadError(
                source: source, entry: entry, index: index, recordID: error.recordID,
                field: error.field.isEmpty ? nil : error.field, reason: error.reason)
        } catch let error as DecodingError {
            let described = OSVRecordDecodingError(recordID: nil, base: [], error: error)
            throw OSVLoadError(
                source: source, entry: entry, index: index, field: described.field.isEmpty ? nil : described.field,
                reason: described.reason)
        }
    }

    /// Synchronous on purpose: directory enumerators are not usable from
    /// async contexts, and the path list (not the contents) is small.
    private static func jsonFiles(under directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw OSVLoadError(source: directory.path, reason: "cannot list the directory")
        }
        var files: [URL] = []
        while let next = enumerator.nextObject() {
            guard let file = next as? URL, file.pathExtension.lowercased() == "json" else { continue }
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }
}
