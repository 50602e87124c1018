/// What the layer walker knows about a file before reading its bytes, so an
/// analyzer can decline it cheaply and the walker reads only what is needed.
public struct FileEntry: Sendable, Hashable {
    /// Cleaned path without a leading `/`: `var/lib/dpkg/status`.
    public var path: String
    public var size: Int64
    /// Unix permission bits (`0o755`), so Go analysis can pick executables.
    public var mode: UInt32

    public init(path: String, size: Int64, mode: UInt32) {
        self.path = path
        self.size = size
        self.mode = mode
    }

    public var isExecutable: Bool { mode & 0o111 != 0 }
}
