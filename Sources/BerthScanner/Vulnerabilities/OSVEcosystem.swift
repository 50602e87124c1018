/// OSV ecosystem names and the per-ecosystem rules that follow from them.
///
/// Spellings are those of the osv-schema `ecosystems.json` and of the data
/// osv.dev serves (checked against osv-scalibr's ecosystem mapping and
/// published records): `Debian:12`, `Ubuntu:22.04:LTS`, `Alpine:v3.19`,
/// `Rocky Linux:9`, `AlmaLinux:9`, and for Red Hat a CPE-derived stream such as
/// `Red Hat:enterprise_linux:9::baseos`.
public enum OSVEcosystem {
    public static let debian = "Debian"
    public static let ubuntu = "Ubuntu"
    public static let alpine = "Alpine"
    public static let redHat = "Red Hat"
    public static let rockyLinux = "Rocky Linux"
    public static let almaLinux = "AlmaLinux"
    public static let pypi = "PyPI"
    public static let npm = "npm"
    public static let go = "Go"
    public static let maven = "Maven"

    /// The part before the first `:` (`Debian:12` → `Debian`,
    /// `Red Hat:enterprise_linux:9::baseos` → `Red Hat`), which alone decides
    /// the version ordering.
    public static func baseName(of ecosystem: String) -> Substring {
        ecosystem.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// The ordering an `ECOSYSTEM` range of this ecosystem uses, or nil when
    /// this scanner has no comparator for it; such ranges are then skipped
    /// rather than guessed at, and only the explicit `versions` list can match.
    public static func versionScheme(for ecosystem: String) -> VersionScheme? {
        switch baseName(of: ecosystem) {
        case "Debian", "Ubuntu": .dpkg
        case "Alpine", "Wolfi", "Chainguard": .apk
        case "Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE", "Photon OS", "Mageia", "Azure Linux":
            .rpm
        case "PyPI": .pep440
        case "npm", "crates.io": .semver
        case "Go": .go
        case "Maven": .maven
        default: nil
        }
    }

    /// The name as it must be compared within `ecosystem`.
    public static func normalizedName(_ name: String, ecosystem: String) -> String {
        ecosystem == pypi ? pep503(name) : name
    }

    /// PEP 503: lowercase, and every run of `-`, `_` and `.` becomes one `-`.
    public static func pep503(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var pendingSeparator = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                pendingSeparator = true
                continue
            }
            if pendingSeparator { result.append("-") }
            pendingSeparator = false
            result.append(character)
        }
        if pendingSeparator { result.append("-") }
        return result
    }
}
