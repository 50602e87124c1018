/// Maps an installed package to the OSV lookups that can concern it.
///
/// OS packages are looked up in the distribution's release-scoped ecosystem
/// under the name the distribution's advisories use, which for Debian,
/// Ubuntu, Alpine, Rocky and AlmaLinux is the *source* package (as Trivy does
/// for Debian and Grype for dpkg). Language packages are looked up in their
/// registry's ecosystem whatever the OS.
///
/// Ecosystem strings (checked against the osv-schema ecosystem list and the
/// mapping osv-scalibr uses to query osv.dev):
/// - Debian: `Debian:<major>` (`VERSION_ID` is the major already).
/// - Ubuntu: `Ubuntu:<YY.MM>:LTS` for LTS releases (even year, `.04`),
///   `Ubuntu:<YY.MM>` otherwise.
/// - Alpine: `Alpine:v<major.minor>`; the `v` is mandatory.
/// - Rocky Linux: `Rocky Linux:<major>` by source RPM name (Rocky's apollo
///   exporter writes the major release and the `.src` package).
/// - AlmaLinux: `AlmaLinux:<major>` (osv-scalibr trims `VERSION_ID` to the
///   major because that is how ALSA advisories are keyed).
/// - RHEL: Red Hat scopes records by product stream, a CPE without its
///   `cpe:/o:redhat:` prefix. An image's os-release names one stream
///   (`CPE_NAME`, usually `baseos`) but its packages come from several, and
///   `OperatingSystem` does not carry the CPE, so every stream a container can
///   install from is asked: `Red Hat:enterprise_linux:<major>::baseos`,
///   `::appstream` and `::crb` for 8 and 9; `Red Hat:enterprise_linux:7::server`
///   (and 6) for older releases; `Red Hat:enterprise_linux:<major>.<minor>` for
///   every minor up to the installed one from 10 on, where Red Hat's CPEs
///   carry the minor release. Red Hat's `name` may be a binary or a source RPM,
///   so both names are asked.
/// - CentOS has no ecosystem of its own; its packages are rebuilds of RHEL's
///   with the same NEVRs, so it is looked up in the Red Hat streams. CentOS
///   Stream runs ahead of RHEL, so it tends to see fewer findings there, not
///   false ones.
/// - PyPI by PEP 503 name, npm by name, Go by module path with the version's
///   `v` removed (OSV Go versions have none; the standard library's `go1.22.1`
///   becomes `1.22.1`), Maven by `groupId:artifactId`.
///
/// Packages this cannot place (an OS package without a known OS, another
/// distribution, a Go binary built as `(devel)`, a Maven package without a
/// group) get no lookups: asking an unscoped ecosystem would match advisories
/// for other releases.
public struct OSVQueryPlanner: Sendable {
    public init() {}

    public func lookups(for package: InstalledPackage, operatingSystem: OperatingSystem?) -> [OSVLookup] {
        guard !package.version.isEmpty else { return [] }
        switch package.format {
        case .dpkg, .apk, .rpm:
            guard let operatingSystem else { return [] }
            return osLookups(for: package, operatingSystem: operatingSystem)
        case .python:
            return [lookup(OSVEcosystem.pypi, package.name, package.version)]
        case .npm:
            return [lookup(OSVEcosystem.npm, package.name, package.version)]
        case .go:
            guard let version = goVersion(package) else { return [] }
            return [lookup(OSVEcosystem.go, package.name, version)]
        case .maven:
            let parts = package.name.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return [] }
            return [lookup(OSVEcosystem.maven, package.name, package.version)]
        }
    }

    private func lookup(_ ecosystem: String, _ name: String, _ version: String) -> OSVLookup {
        OSVLookup(key: OSVPackageKey(ecosystem: ecosystem, name: name), version: version)
    }

    /// The release-scoped ecosystems an OS's packages are looked up in, in
    /// the order they are asked; empty for a distribution OSV has no data for
    /// (or that this planner does not map).
    public func ecosystems(for operatingSystem: OperatingSystem) -> [String] {
        let parts = operatingSystem.versionID.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let major = parts.first, !major.isEmpty, major.allSatisfy(\.isNumber) else { return [] }
        switch operatingSystem.id {
        case "debian":
            return ["\(OSVEcosystem.debian):\(major)"]
        case "ubuntu":
            guard parts.count >= 2 else { return [] }
            let release = "\(parts[0]).\(parts[1])"
            let isLTS = (Int(parts[0]) ?? 1) % 2 == 0 && parts[1] == "04"
            return ["\(OSVEcosystem.ubuntu):\(release)" + (isLTS ? ":LTS" : "")]
        case "alpine":
            guard parts.count >= 2 else { return [] }
            let minor = String(parts[1].prefix(while: \.isNumber))
            guard !minor.isEmpty else { return [] }
            return ["\(OSVEcosystem.alpine):v\(major).\(minor)"]
        case "rocky":
            return ["\(OSVEcosystem.rockyLinux):\(major)"]
        case "almalinux":
            return ["\(OSVEcosystem.almaLinux):\(major)"]
        case "rhel", "centos":
            return redHatStreams(major: Int(major) ?? 0, minor: parts.count > 1 ? Int(parts[1]) : nil)
        default:
            return []
        }
    }

    private func osLookups(for package: InstalledPackage, operatingSystem: OperatingSystem) -> [OSVLookup] {
        let expected: PackageFormat
        switch operatingSystem.id {
        case "debian", "ubuntu": expected = .dpkg
        case "alpine": expected = .apk
        case "rhel", "centos", "rocky", "almalinux": expected = .rpm
        default: return []
        }
        guard package.format == expected else { return [] }

        let sourceName = package.sourceName.flatMap { $0.isEmpty ? nil : $0 } ?? package.name
        var names = [sourceName]
        if operatingSystem.id == "rhel" || operatingSystem.id == "centos", sourceName != package.name {
            names.append(package.name)
        }
        // dpkg records a source version only when it differs from the binary's
        // (binNMUs, renamed sources); apk subpackages and RPMs built from one
        // source share its version, and only the binary RPM header carries the
        // epoch advisories compare with, so the binary version is right there.
        let version = package.format == .dpkg
            ? (package.sourceVersion.flatMap { $0.isEmpty ? nil : $0 } ?? package.version)
            : package.version

        var lookups: [OSVLookup] = []
        for ecosystem in ecosystems(for: operatingSystem) {
            for name in names {
                lookups.append(lookup(ecosystem, name, version))
            }
        }
        return lookups
    }

    private func redHatStreams(major: Int, minor: Int?) -> [String] {
        let prefix = "\(OSVEcosystem.redHat):enterprise_linux:"
        switch major {
        case ..<6:
            return []
        case 6, 7:
            return ["\(prefix)\(major)::server"]
        case 8, 9:
            return ["baseos", "appstream", "crb"].map { "\(prefix)\(major)::\($0)" }
        default:
            return (0...max(0, minor ?? 0)).map { "\(prefix)\(major).\($0)" }
        }
    }

    private func goVersion(_ package: InstalledPackage) -> String? {
        var version = package.version
        if version == "(devel)" { return nil }
        if package.name == "stdlib" || package.name == "toolchain", version.hasPrefix("go") {
            version.removeFirst(2)
        }
        if version.hasPrefix("v") { version.removeFirst() }
        return version.isEmpty ? nil : version
    }
}
