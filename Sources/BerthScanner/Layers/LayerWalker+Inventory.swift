extension LayerWalker {
    /// The inventory of the filesystem as the layers walked so far leave it.
    public func finish() -> FilesystemInventory {
        var packages: [InstalledPackage] = []
        var chosenOS: (system: OperatingSystem, precedence: Int)?
        var fileProblems: [ScanProblem] = []
        for path in records.keys.sorted() {
            let record = records[path]!
            for finding in record.findings {
                switch finding {
                case .package(var package):
                    package.layerIndex = record.layerIndex
                    packages.append(package)
                case .operatingSystem(let system, let precedence):
                    // Strictly lower only: paths are visited in order, so ties keep the first.
                    if chosenOS == nil || precedence < chosenOS!.precedence {
                        chosenOS = (system, precedence)
                    }
                }
            }
            fileProblems += record.problems
        }
        fileProblems.sort { ($0.layerIndex ?? -1, $0.path ?? "") < ($1.layerIndex ?? -1, $1.path ?? "") }
        return FilesystemInventory(
            packages: packages, operatingSystem: chosenOS?.system, problems: layerProblems + fileProblems,
            statistics: statistics)
    }
}
