/// What the analyzers said about one path, and which layer wrote it. A file's
/// problems live here rather than in a global list so that a later layer that
/// deletes or rewrites the file also drops the complaint about its old bytes.
struct FileRecord: Sendable, Hashable {
    var layerIndex: Int
    var findings: [Finding]
    var problems: [ScanProblem]
}
