/// Why an import stopped, with enough context to find the culprit among
/// hundreds of thousands of files or archive entries without re-running.
public struct OSVLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, directory or archive the loader was reading.
    public var source: String
    /// The archive entry (`GHSA-xxxx.json`) when `source` is a zip.
    public var entry: String?
    /// Position in a top-level JSON array, when the document is one.
    public var index: Int?
    /// The record's `id`, when it could be read before the failure.
    public var recordID: String?
    /// JSON path within the record (`affected[0].ranges[0].events[1]`).
    public var field: String?
    public var reason: String

    public init(
        source: String, entry: String? = nil, index: Int? = nil, recordID: String? = nil, field: String? = nil,
        reason: String
    ) {
        self.source = source
        self.entry = entry
        self.index = index
        self.recordID = recordID
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var text = "cannot load OSV data from \(source)"
        if let entry { text += ", entry \(entry)" }
        if let index { text += ", element [\(index)]" }
        if let recordID { text += ", record \(recordID)" }
        if let field, !field.isEmpty { text += ", field \(field)" }
        return text + ": \(reason)"
    }
}
