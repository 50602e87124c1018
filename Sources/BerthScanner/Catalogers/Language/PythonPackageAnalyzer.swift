import Foundation

/// Installed Python distributions, from the core-metadata file each installer
/// leaves behind: wheels write `*.dist-info/METADATA`, setuptools writes
/// `*.egg-info/PKG-INFO` (or, for old distutils installs such as Debian's,
/// a single `*.egg-info` file), and zipped eggs carry `EGG-INFO/PKG-INFO`.
public struct PythonPackageAnalyzer: FileAnalyzer {
    public var name: String { "python" }

    /// Larger than any real metadata file (long descriptions run to a few
    /// hundred KiB), so a stray huge file named like one is never read.
    public var maximumFileSize: Int64

    public init(maximumFileSize: Int64 = 16 << 20) {
        self.maximumFileSize = maximumFileSize
    }

    public func wants(_ entry: FileEntry) -> Bool {
        guard entry.size > 0, entry.size <= maximumFileSize else { return false }
        let components = entry.path.split(separator: "/")
        guard let last = components.last else { return false }
        if last.hasSuffix(".egg-info") { return true }
        guard components.count >= 2 else { return false }
        let parent = components[components.count - 2]
        switch last {
        case "METADATA":
            // Trivy also reads `.egg-info/METADATA`, which some setuptools
            // versions write next to PKG-INFO.
            return parent.hasSuffix(".dist-info") || parent.hasSuffix(".egg-info")
        case "PKG-INFO":
            return parent.hasSuffix(".egg-info") || parent == "EGG-INFO"
        default:
            return false
        }
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        let metadata = PythonCoreMetadata(parsing: file.contents)
        guard let rawName = metadata.value("Name") else {
            throw LanguageCatalogerError.malformedMetadata(path: file.path, reason: "no Name header")
        }
        guard let version = metadata.value("Version") else {
            throw LanguageCatalogerError.malformedMetadata(path: file.path, reason: "no Version header")
        }
        let package = InstalledPackage(
            name: Self.normalizedName(rawName), version: version, format: .python,
            license: metadata.license, location: file.path, layerIndex: file.layerIndex
        )
        return [.package(package)]
    }

    /// PEP 503 normalisation, which is how PyPI and OSV key projects:
    /// `Foo.Bar_baz` and `foo-bar-baz` are the same project.
    public static func normalizedName(_ name: String) -> String {
        var result = ""
        var pendingSeparator = false
        for character in name.trimmingCharacters(in: .whitespaces) {
            if character == "-" || character == "_" || character == "." {
                pendingSeparator = true
                continue
            }
            if pendingSeparator {
                result.append("-")
                pendingSeparator = false
            }
            result += character.lowercased()
        }
        if pendingSeparator { result.append("-") }
        return result
    }
}
