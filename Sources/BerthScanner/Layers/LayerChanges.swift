/// One layer's effect on the filesystem below it, gathered during the walk
/// and applied only when the layer has been read to the end.
///
/// Deferring is what the image spec demands: whiteouts hide only lower
/// layers' files, never files of their own layer, and an opaque directory
/// applies before the layer's own files wherever it sits in the tar. Keeping
/// deletions apart from this layer's `records` gives both rules for free.
struct LayerChanges {
    let layerIndex: Int
    /// Paths that have records from lower layers, and their directories,
    /// snapshotted when the layer starts so only relevant paths are tracked.
    private let lowerFiles: Set<String>
    private let lowerDirectories: Set<String>

    /// Directories whose lower-layer contents an `.wh..wh..opq` hides.
    private(set) var opaqueDirectories: Set<String> = []
    /// Paths removed with everything under them: `.wh.` targets, and lower
    /// directories replaced by a non-directory in this layer.
    private(set) var removedTrees: Set<String> = []
    /// Lower files replaced by a member of this layer at the same path.
    private(set) var replacedFiles: Set<String> = []
    /// What this layer's own files yielded, keyed by cleaned path.
    var records: [String: FileRecord] = [:]

    init(layerIndex: Int, lowerPaths: some Collection<String>) {
        self.layerIndex = layerIndex
        lowerFiles = Set(lowerPaths)
        var directories: Set<String> = []
        for path in lowerPaths {
            directories.formUnion(LayerPath.ancestors(of: path))
        }
        lowerDirectories = directories
    }

    mutating func addOpaqueDirectory(_ directory: String) {
        opaqueDirectories.insert(directory)
    }

    mutating func addWhiteout(_ path: String) {
        removedTrees.insert(path)
    }

    /// Records that a member of this layer now occupies `path`. A directory
    /// merges with a lower directory (overlay semantics), so it only replaces
    /// a lower file; anything else replaces whatever was there, tree and all.
    /// A later member of the same layer replaces an earlier one, as extraction would.
    mutating func noteMember(at path: String, isDirectory: Bool) {
        records[path] = nil
        if lowerFiles.contains(path) { replacedFiles.insert(path) }
        if !isDirectory, lowerDirectories.contains(path) { removedTrees.insert(path) }
    }

    /// Whether a lower layer's file at `path` is gone once this layer is on top.
    func hides(_ path: String) -> Bool {
        if replacedFiles.contains(path) || removedTrees.contains(path) { return true }
        if opaqueDirectories.contains("") { return true }
        return LayerPath.ancestors(of: path).contains {
            removedTrees.contains($0) || opaqueDirectories.contains($0)
        }
    }

    var deletesAnything: Bool {
        !opaqueDirectories.isEmpty || !removedTrees.isEmpty || !replacedFiles.isEmpty
    }
}
