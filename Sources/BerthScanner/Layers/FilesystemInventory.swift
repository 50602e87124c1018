/// What the analyzers found in an image's final, squashed filesystem: only
/// files that survive every later layer's rewrites and whiteouts contribute.
public struct FilesystemInventory: Sendable, Codable, Hashable {
    /// Ordered by the file they were read from, then as the analyzer listed
    /// them, so two scans of one image compare equal.
    public var packages: [InstalledPackage]
    /// The `.operatingSystem` finding with the lowest precedence; on a tie the
    /// one from the path that sorts first, so the choice is deterministic.
    public var operatingSystem: OperatingSystem?
    /// Layer-level problems first in layer order, then file problems by layer and path.
    public var problems: [ScanProblem]
    public var statistics: LayerWalkStatistics

    public init(
        packages: [InstalledPackage], operatingSystem: OperatingSystem?, problems: [ScanProblem],
        statistics: LayerWalkStatistics = LayerWalkStatistics()
    ) {
        self.packages = packages
        self.operatingSystem = operatingSystem
        self.problems = problems
        self.statistics = statistics
    }
}
