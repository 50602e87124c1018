/// Every analyzer Berth ships, in the order their findings are reported. A scan that
/// wants fewer (a benchmark, a test) passes its own list to the layer walker.
public enum DefaultAnalyzers {
    public static var all: [any FileAnalyzer] {
        [
            OSReleaseAnalyzer(), DpkgAnalyzer(), ApkAnalyzer(), RpmAnalyzer(),
            PythonPackageAnalyzer(), NodePackageAnalyzer(), GoBinaryAnalyzer(), JavaArchiveAnalyzer(),
        ]
    }
}
