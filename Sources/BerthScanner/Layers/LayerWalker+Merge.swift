extension LayerWalker {
    /// Deletions first (opaque directories, whiteouts, replaced paths), then
    /// the layer's own files: the order the image spec requires, and the one
    /// that keeps a whiteout from touching files of its own layer.
    mutating func apply(_ changes: LayerChanges) {
        if changes.deletesAnything {
            records = records.filter { !changes.hides($0.key) }
        }
        records.merge(changes.records) { _, upper in upper }
    }
}
