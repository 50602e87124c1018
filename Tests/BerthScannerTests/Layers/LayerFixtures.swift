import BerthScanner

/// Shorthands for walking a whole image in one call.
enum LayerFixtures {
    static let plainTar = "application/vnd.oci.image.layer.v1.tar"
    static let gzipTar = "application/vnd.oci.image.layer.v1.tar+gzip"
    static let dockerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip"

    /// Walks plain-tar layers base first and returns the inventory.
    static func inventory(
        _ layers: [[UInt8]], analyzers: [any FileAnalyzer] = [TestAnalyzer()], chunkSize: Int = 4096,
        maxFileSize: Int64 = 256 * 1024 * 1024
    ) async throws -> FilesystemInventory {
        try await inventory(layers.map { (plainTar, $0) }, analyzers: analyzers, chunkSize: chunkSize, maxFileSize: maxFileSize)
    }

    static func inventory(
        _ layers: [(mediaType: String, bytes: [UInt8])], analyzers: [any FileAnalyzer] = [TestAnalyzer()],
        chunkSize: Int = 4096, maxFileSize: Int64 = 256 * 1024 * 1024
    ) async throws -> FilesystemInventory {
        var walker = LayerWalker(analyzers: analyzers, maxFileSize: maxFileSize)
        for (index, layer) in layers.enumerated() {
            try await walker.walk(
                layerIndex: index, mediaType: layer.mediaType, bytes: ByteStream(layer.bytes, chunkSize: chunkSize))
        }
        return walker.finish()
    }

    /// `name@version` of each package, in inventory order.
    static func names(_ inventory: FilesystemInventory) -> [String] {
        inventory.packages.map { "\($0.name)@\($0.version)" }
    }
}
