/// The ordering a version string is compared under. OSV `ECOSYSTEM` ranges
/// mean "the ecosystem's own ordering", so the matcher picks one of these
/// from the record's ecosystem; `SEMVER` ranges always use `.semver`.
public enum VersionScheme: String, Sendable, Hashable, CaseIterable {
    case dpkg
    case apk
    case rpm
    case pep440
    case semver
    /// SemVer with an optional leading `v`, pseudo-versions, `+incompatible`
    /// and toolchain spellings (`go1.21rc2`) for the `stdlib` module.
    case go
    case maven

    /// Negative, zero or positive like `strcmp` (the comparators return
    /// exactly -1, 0 or 1). Never throws: a string the scheme cannot parse
    /// is ordered by the fallback documented on the scheme's type, so
    /// matching always gets an answer.
    public func compare(_ lhs: String, _ rhs: String) -> Int {
        switch self {
        case .dpkg: DpkgVersion.compare(lhs, rhs)
        case .apk: ApkVersion.compare(lhs, rhs)
        case .rpm: RpmVersion.compare(lhs, rhs)
        case .pep440: PEP440Version.compare(lhs, rhs)
        case .semver: SemanticVersion.compare(lhs, rhs)
        case .go: GoVersion.compare(lhs, rhs)
        case .maven: MavenVersion.compare(lhs, rhs)
        }
    }

    public static func forFormat(_ format: PackageFormat) -> VersionScheme {
        switch format {
        case .dpkg: .dpkg
        case .apk: .apk
        case .rpm: .rpm
        case .python: .pep440
        case .npm: .semver
        case .go: .go
        case .maven: .maven
        }
    }
}
