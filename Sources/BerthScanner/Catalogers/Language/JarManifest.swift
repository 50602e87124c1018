import Foundation

/// The main section of a jar's `META-INF/MANIFEST.MF`.
///
/// The jar specification wraps lines at 72 bytes and continues them on the
/// next line after exactly one space, which routinely splits a long
/// `Bundle-SymbolicName` or version in the middle of a word; the space is
/// the only thing removed when joining. Per-entry sections after the first
/// blank line describe single classes and are ignored.
struct JarManifest: Sendable, Hashable {
    /// Attribute names are case-insensitive, so they are stored lowercased.
    private(set) var attributes: [String: String] = [:]

    init(parsing data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        var lines: [String] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine)
            if line.isEmpty {
                if lines.isEmpty { continue }
                break
            }
            if line.hasPrefix(" ") {
                if !lines.isEmpty { lines[lines.count - 1] += line.dropFirst() }
                continue
            }
            lines.append(line)
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
    }

    subscript(name: String) -> String? {
        attributes[name.lowercased()].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Maven coordinates the manifest implies, when it names both an
    /// artifact and a version.
    ///
    /// Maven's archiver writes `Implementation-Vendor-Id` (the groupId) and
    /// `Implementation-Title`; OSGi bundles instead name themselves
    /// `<groupId>.<artifactId>` in `Bundle-SymbolicName`, which is split at
    /// the last dot as Trivy does (a guess, but often right:
    /// `com.fasterxml.jackson.core.jackson-databind`).
    var artifact: MavenArtifact? {
        guard let version = self["Implementation-Version"] ?? self["Bundle-Version"] else { return nil }
        let symbolicName = self["Bundle-SymbolicName"].map {
            // Directives follow a semicolon: `x.y;singleton:=true`.
            String($0.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        }.flatMap { $0.isEmpty ? nil : $0 }
        if let vendor = self["Implementation-Vendor-Id"], let title = self["Implementation-Title"] {
            return MavenArtifact(groupID: vendor, artifactID: title, version: version)
        }
        if let symbolicName {
            if let dot = symbolicName.lastIndex(of: "."), dot != symbolicName.startIndex,
               symbolicName.index(after: dot) != symbolicName.endIndex {
                return MavenArtifact(
                    groupID: String(symbolicName[..<dot]),
                    artifactID: String(symbolicName[symbolicName.index(after: dot)...]),
                    version: version
                )
            }
            return MavenArtifact(groupID: self["Implementation-Vendor-Id"], artifactID: symbolicName, version: version)
        }
        if let title = self["Implementation-Title"] {
            return MavenArtifact(groupID: self["Implementation-Vendor-Id"], artifactID: title, version: version)
        }
        return nil
    }
}
