/// Which database format a package was read from. This decides the version
/// ordering used for matching and the OSV ecosystem a package is looked up in,
/// which `SourceType` alone cannot (dpkg, apk and rpm are all `OS`).
public enum PackageFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case dpkg
    case apk
    case rpm
    case python
    case npm
    case go
    case maven
}
