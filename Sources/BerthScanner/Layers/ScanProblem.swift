/// Something the scan could not read, kept beside the results so a scan with
/// gaps says where they are instead of failing or silently under-reporting.
public struct ScanProblem: Sendable, Codable, Hashable {
    /// The layer (0 = base) the problem is about; `nil` for the image as a whole.
    public var layerIndex: Int?
    /// The file, cleaned and without a leading `/`; `nil` for a whole layer.
    public var path: String?
    public var message: String

    public init(layerIndex: Int?, path: String?, message: String) {
        self.layerIndex = layerIndex
        self.path = path
        self.message = message
    }
}
