/// The advisories affecting one installed package, each once.
public struct PackageVulnerabilities: Sendable, Hashable {
    public var package: InstalledPackage
    /// Sorted by record id, so reports are stable from scan to scan.
    public var matches: [VulnerabilityMatch]

    public init(package: InstalledPackage, matches: [VulnerabilityMatch]) {
        self.package = package
        self.matches = matches
    }
}
