/// Reads one kind of file (a package database, os-release, a jar, an ELF
/// binary). Results are keyed by the file's path by the layer walker, so a
/// later layer that rewrites or whites out the file replaces what an earlier
/// layer said: "last writer wins" per package-database file.
public protocol FileAnalyzer: Sendable {
    /// A short name for notes and logs: `dpkg`, `python`.
    var name: String { get }
    /// Decides from the path, size and mode alone; must be cheap.
    func wants(_ entry: FileEntry) -> Bool
    /// Throws when the file is present but unreadable; the walker records the
    /// failure as partial scan data and carries on with other files.
    func analyze(_ file: ImageFile) throws -> [Finding]
}
