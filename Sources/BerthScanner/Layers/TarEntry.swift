/// One member of a tar stream after GNU long names and PAX records have been
/// folded in, so callers never see the metadata pseudo-entries.
public struct TarEntry: Sendable, Hashable {
    /// The name as the archive spells it (PAX `path` > GNU `L` > ustar prefix/name);
    /// not cleaned, because cleaning is a filesystem concern of the walker.
    public var path: String
    /// Target of a symlink or hard link; empty for other types.
    public var linkName: String
    public var type: TarEntryType
    /// Bytes of body that follow the header (0 for header-only types).
    public var size: Int64
    /// Permission bits only (`0o7777`), the file type lives in `type`.
    public var mode: UInt32
    /// Offset of this member's own header block in the uncompressed stream, so
    /// an error or a note can point at the place in the layer.
    public var headerOffset: Int64

    public init(path: String, linkName: String, type: TarEntryType, size: Int64, mode: UInt32, headerOffset: Int64) {
        self.path = path
        self.linkName = linkName
        self.type = type
        self.size = size
        self.mode = mode
        self.headerOffset = headerOffset
    }
}
