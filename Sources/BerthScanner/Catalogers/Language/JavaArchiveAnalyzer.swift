import Foundation
import ZIPFoundation

/// Maven artifacts inside Java archives, including archives nested in
/// archives (a war's `WEB-INF/lib/*.jar`, a Spring Boot `BOOT-INF/lib/*.jar`,
/// an ear's modules), because that is where most of an application's
/// third-party code lives.
///
/// Identity comes from the most reliable record available:
/// `META-INF/maven/**/pom.properties` (written by Maven itself, one per
/// bundled artifact in shaded jars), else the manifest, else the file name.
/// Unlike Trivy there is no Maven Central checksum lookup: the scanner has no
/// network.
///
/// Locations of nested archives use `!` as the JVM's jar URLs do:
/// `app/app.war!WEB-INF/lib/x.jar`.
public struct JavaArchiveAnalyzer: FileAnalyzer {
    public var name: String { "java" }

    static let extensions: Set<String> = ["jar", "war", "ear", "par", "jpi", "hpi"]

    /// Archives nested deeper than this are ignored; real applications stop
    /// at two or three (ear → war → jar).
    public var maximumDepth: Int
    /// Total bytes inflated for one outer archive, nested ones included, so
    /// a zip bomb costs bounded memory and time. Only metadata and nested
    /// archives are inflated, never class files.
    public var maximumInflatedBytes: Int
    public var maximumFileSize: Int64

    public init(maximumDepth: Int = 4, maximumInflatedBytes: Int = 512 << 20, maximumFileSize: Int64 = 2 << 30) {
        self.maximumDepth = maximumDepth
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumFileSize = maximumFileSize
    }

    public func wants(_ entry: FileEntry) -> Bool {
        entry.size > 0 && entry.size <= maximumFileSize && Self.isJavaArchive(entry.path)
    }

    static func isJavaArchive(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        var budget = maximumInflatedBytes
        var packages: [InstalledPackage] = []
        try catalog(
            file.contents, location: file.path, rootPath: file.path, depth: 0,
            budget: &budget, layerIndex: file.layerIndex, into: &packages
        )
        var seen = Set<InstalledPackage>()
        return packages.filter { seen.insert($0).inserted }.map(Finding.package)
    }

    private func catalog(
        _ data: Data, location: String, rootPath: String, depth: Int,
        budget: inout Int, layerIndex: Int, into packages: inout [InstalledPackage]
    ) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw LanguageCatalogerError.corruptArchive(path: location, reason: "not a readable zip file (\(error))")
        }

        var pomEntries: [Entry] = []
        var manifestEntry: Entry?
        var nestedEntries: [Entry] = []
        for entry in archive where entry.type == .file {
            let path = entry.path
            let upper = path.uppercased()
            if upper.hasPrefix("META-INF/MAVEN/"), path.hasSuffix("/pom.properties") {
                pomEntries.append(entry)
            } else if upper == "META-INF/MANIFEST.MF" {
                manifestEntry = entry
            } else if Self.isJavaArchive(path) {
                nestedEntries.append(entry)
            }
        }

        func record(_ artifact: MavenArtifact) {
            packages.append(InstalledPackage(
                name: artifact.packageName, version: artifact.version, format: .maven,
                location: location, layerIndex: layerIndex
            ))
        }

        var found = false
        for entry in pomEntries.sorted(by: { $0.path < $1.path }) {
            let properties = JavaProperties(parsing: try read(entry, of: archive, location: location, rootPath: rootPath, budget: &budget))
            guard let groupID = properties["groupId"], let artifactID = properties["artifactId"],
                  let version = properties["version"] else { continue }
            record(MavenArtifact(groupID: groupID, artifactID: artifactID, version: version))
            found = true
        }
        if !found, let manifestEntry,
           let artifact = JarManifest(parsing: try read(manifestEntry, of: archive, location: location, rootPath: rootPath, budget: &budget)).artifact {
            record(artifact)
            found = true
        }
        let fileName = location.split(whereSeparator: { $0 == "/" || $0 == "!" }).last.map(String.init) ?? ""
        if !found, let artifact = MavenArtifact(fileName: fileName) {
            record(artifact)
        }

        guard depth < maximumDepth else { return }
        for entry in nestedEntries.sorted(by: { $0.path < $1.path }) {
            let nestedLocation = "\(location)!\(entry.path)"
            do {
                let nested = try read(entry, of: archive, location: nestedLocation, rootPath: rootPath, budget: &budget)
                try catalog(
                    nested, location: nestedLocation, rootPath: rootPath, depth: depth + 1,
                    budget: &budget, layerIndex: layerIndex, into: &packages
                )
            } catch LanguageCatalogerError.corruptArchive(path: _, reason: _) {
                // A broken library inside a working application (test
                // fixtures, truncated downloads) should not hide the rest
                // of the application's inventory.
                continue
            }
        }
    }

    /// Inflates one entry, charging every byte to the outer archive's budget
    /// as it arrives: the sizes in the zip directory are attacker-chosen and
    /// cannot be trusted up front.
    private func read(_ entry: Entry, of archive: Archive, location: String, rootPath: String, budget: inout Int) throws -> Data {
        var contents = Data()
        var exceeded = false
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard chunk.count <= budget else {
                    exceeded = true
                    throw LanguageCatalogerError.archiveBudgetExceeded(path: rootPath, limitBytes: maximumInflatedBytes)
                }
                budget -= chunk.count
                contents.append(chunk)
            }
        } catch {
            if exceeded {
                throw LanguageCatalogerError.archiveBudgetExceeded(path: rootPath, limitBytes: maximumInflatedBytes)
            }
            throw LanguageCatalogerError.corruptArchive(path: location, reason: "cannot inflate \(entry.path) (\(error))")
        }
        // ZIPFoundation computes the CRC but leaves comparing it to the
        // caller; a mismatch means the bytes we would parse are damaged.
        guard checksum == entry.checksum else {
            throw LanguageCatalogerError.corruptArchive(path: location, reason: "CRC mismatch in \(entry.path)")
        }
        return contents
    }
}
