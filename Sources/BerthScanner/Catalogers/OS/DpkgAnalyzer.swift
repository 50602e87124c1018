import Foundation

/// Lists Debian and Ubuntu packages from dpkg's database.
///
/// Full images keep one `var/lib/dpkg/status`; distroless images have no dpkg
/// and instead drop one control paragraph per package into
/// `var/lib/dpkg/status.d/`, next to `.md5sums` (and sometimes `.list`) files
/// that describe files, not packages. Each database file is analysed on its
/// own so the walker's last-writer-wins rule applies per file.
public struct DpkgAnalyzer: FileAnalyzer {
    public let name = "dpkg"

    static let statusPath = "var/lib/dpkg/status"
    static let statusDirectoryPrefix = "var/lib/dpkg/status.d/"

    /// Words of the `Status` field (want, error flag, state) that mean the
    /// package's files are not, or are about to stop being, on disk. Reporting
    /// such a package would raise findings for software the image lacks.
    static let notInstalledStatusWords: Set<String> = ["deinstall", "purge", "config-files", "not-installed"]

    public init() {}

    public func wants(_ entry: FileEntry) -> Bool {
        if entry.path == Self.statusPath { return true }
        guard entry.path.hasPrefix(Self.statusDirectoryPrefix) else { return false }
        let fileName = entry.path.dropFirst(Self.statusDirectoryPrefix.count)
        return !fileName.isEmpty
            && !fileName.contains("/")
            && !fileName.hasSuffix(".md5sums")
            && !fileName.hasSuffix(".list")
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        ControlParagraph.parse(file.contents).compactMap { paragraph in
            Self.package(from: paragraph, location: file.path, layerIndex: file.layerIndex).map(Finding.package)
        }
    }

    /// A paragraph without `Status` counts as installed: distroless
    /// `status.d` entries are copied control files, which never carry one.
    static func package(from paragraph: ControlParagraph, location: String, layerIndex: Int) -> InstalledPackage? {
        guard let name = paragraph["Package"], !name.isEmpty,
              let version = paragraph["Version"], !version.isEmpty
        else { return nil }
        if let status = paragraph["Status"] {
            let words = status.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.contains(where: notInstalledStatusWords.contains) { return nil }
        }
        let source = paragraph["Source"].flatMap(parseSource)
        return InstalledPackage(
            name: name,
            version: version,
            format: .dpkg,
            sourceName: source?.name,
            sourceVersion: source?.version,
            architecture: paragraph["Architecture"].flatMap { $0.isEmpty ? nil : $0 },
            location: location,
            layerIndex: layerIndex
        )
    }

    /// `Source` is `name` or `name (version)`; the version is present only when
    /// the binary was built from a different source version (binNMUs, or
    /// packages whose binary version is set independently, like `gcc-12`'s
    /// `libgcc-s1`), and that is exactly when it matters for matching.
    static func parseSource(_ field: String) -> (name: String, version: String?)? {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let open = text.firstIndex(of: "(") else {
            let name = text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? text
            return (name, nil)
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        let rest = text[text.index(after: open)...]
        let close = rest.firstIndex(of: ")") ?? rest.endIndex
        let version = rest[..<close].trimmingCharacters(in: .whitespaces)
        return (name, version.isEmpty ? nil : version)
    }
}
