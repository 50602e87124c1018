/// The name and version-release of the source package, read from a binary
/// package's `SOURCERPM` tag, because RPM headers store the source only as a
/// file name (`bash-5.1.8-6.el9.src.rpm`) and Red Hat's advisories are keyed
/// by the source package's name.
///
/// The split follows RPM's naming convention `name-version-release.arch.rpm`:
/// version and release cannot contain `-`, so the last two dashes divide the
/// three parts and any dashes left belong to the name (`python3-libs`).
struct SourceRPMName: Sendable, Hashable {
    var name: String
    /// `version-release`, without an epoch: the file name has none.
    var versionRelease: String

    init?(fileName: String) {
        var base = Substring(fileName)
        if base.hasSuffix(".rpm") { base = base.dropLast(4) }
        guard let archDot = base.lastIndex(of: ".") else { return nil }
        base = base[..<archDot]
        guard let releaseDash = base.lastIndex(of: "-") else { return nil }
        let release = base[base.index(after: releaseDash)...]
        let nameVersion = base[..<releaseDash]
        guard let versionDash = nameVersion.lastIndex(of: "-") else { return nil }
        let version = nameVersion[nameVersion.index(after: versionDash)...]
        let name = nameVersion[..<versionDash]
        guard !name.isEmpty, !version.isEmpty, !release.isEmpty else { return nil }
        self.name = String(name)
        self.versionRelease = "\(version)-\(release)"
    }
}
