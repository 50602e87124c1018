import Foundation

/// A regular file from a layer whose bytes an analyzer asked for.
public struct ImageFile: Sendable {
    public var entry: FileEntry
    public var contents: Data
    public var layerIndex: Int

    public init(entry: FileEntry, contents: Data, layerIndex: Int) {
        self.entry = entry
        self.contents = contents
        self.layerIndex = layerIndex
    }

    public var path: String { entry.path }
}
