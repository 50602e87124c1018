import BerthScanner
import Testing

@Suite struct LayerCompressionTests {
    static let layer = TarBuilder.archive([
        TarBuilder.file("var/lib/dpkg/status", "pkg libc6 2.36\npkg zlib1g 1.2.13"),
        TarBuilder.file("etc/os-release", "os debian 12 1"),
        TarBuilder.file("filler", String(repeating: "compressible ", count: 20_000)),
    ])

    static let gzipTypes = [
        "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
        "application/vnd.docker.image.rootfs.diff.tar.gzip",
        "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
    ]
    static let tarTypes = [
        "application/vnd.oci.image.layer.v1.tar", "application/vnd.oci.image.layer.nondistributable.v1.tar",
    ]

    private func expectLayerRead(_ inventory: FilesystemInventory) {
        #expect(LayerFixtures.names(inventory) == ["libc6@2.36", "zlib1g@1.2.13"])
        #expect(inventory.operatingSystem?.identifier == "debian:12")
        #expect(inventory.problems.isEmpty)
    }

    @Test(arguments: gzipTypes + tarTypes)
    func everyLayerMediaTypeReadsGzipAndPlain(mediaType: String) async throws {
        let gzipped = try ExternalTool.gzip(Self.layer)
        expectLayerRead(try await LayerFixtures.inventory([(mediaType, gzipped)]))
        expectLayerRead(try await LayerFixtures.inventory([(mediaType, Self.layer)]))
    }

    @Test(arguments: [1, 7, 512, 65536])
    func gzipAndPlainGiveIdenticalResultsAtEveryChunkSize(chunkSize: Int) async throws {
        let gzipped = try ExternalTool.gzip(Self.layer)
        let fromGzip = try await LayerFixtures.inventory([(LayerFixtures.gzipTar, gzipped)], chunkSize: chunkSize)
        let fromPlain = try await LayerFixtures.inventory([(LayerFixtures.plainTar, Self.layer)], chunkSize: chunkSize)
        expectLayerRead(fromGzip)
        #expect(fromGzip.packages == fromPlain.packages)
        #expect(fromGzip.statistics.compressedBytesRead == Int64(gzipped.count))
        #expect(fromGzip.statistics.uncompressedBytesRead == Int64(Self.layer.count))
        #expect(fromGzip.statistics.compressedBytesRead < fromGzip.statistics.uncompressedBytesRead)
    }

    @Test func concatenatedGzipMembersAreOneStream() async throws {
        let cut = 1024 + 512
        let gzipped = try ExternalTool.gzip(Array(Self.layer.prefix(cut))) + ExternalTool.gzip(Array(Self.layer.dropFirst(cut)))
        expectLayerRead(try await LayerFixtures.inventory([(LayerFixtures.dockerGzip, gzipped)], chunkSize: 333))
    }

    @Test func declaredZstdIsSkippedWithAProblemWithoutReadingIt() async throws {
        let mediaType = "application/vnd.oci.image.layer.v1.tar+zstd"
        var walker = LayerWalker(analyzers: [TestAnalyzer()])
        try await walker.walk(layerIndex: 0, mediaType: LayerFixtures.plainTar, bytes: ByteStream(Self.layer))
        // Iterating this stream would throw, so a clean return proves it was left alone.
        try await walker.walk(
            layerIndex: 1, mediaType: mediaType, bytes: ByteStream([], failure: StreamFailure(reason: "read")))
        let inventory = walker.finish()
        #expect(inventory.problems == [ScanProblem(layerIndex: 1, path: nil, message: "unsupported layer media type \(mediaType)")])
        #expect(LayerFixtures.names(inventory) == ["libc6@2.36", "zlib1g@1.2.13"])
        #expect(inventory.statistics.layersSkipped == 1)
        #expect(inventory.statistics.layersWalked == 1)
    }

    @Test(arguments: [
        "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd", "application/vnd.oci.image.config.v1+json", "",
    ])
    func otherUnsupportedTypesAreProblems(mediaType: String) async throws {
        let inventory = try await LayerFixtures.inventory([(mediaType, try ExternalTool.gzip(Self.layer))])
        #expect(inventory.packages.isEmpty)
        #expect(inventory.problems.map(\.message) == ["unsupported layer media type \(mediaType)"])
    }

    @Test func zstdContentUnderATarTypeIsAProblem() async throws {
        let zstd = try ExternalTool.zstd(Self.layer)
        let inventory = try await LayerFixtures.inventory([(LayerFixtures.plainTar, zstd)], chunkSize: 3)
        #expect(inventory.packages.isEmpty)
        #expect(inventory.problems.map(\.message) == ["unsupported layer compression zstd in media type \(LayerFixtures.plainTar)"])
    }

    @Test(arguments: [0.2, 0.5, 0.9])
    func truncatedGzipIsAnError(fraction: Double) async throws {
        let gzipped = try ExternalTool.gzip(Self.layer)
        let truncated = Array(gzipped.prefix(Int(Double(gzipped.count) * fraction)))
        await #expect(throws: LayerCompressionError.self) {
            _ = try await LayerFixtures.inventory([(LayerFixtures.gzipTar, truncated)], chunkSize: 100)
        }
    }

    @Test func gzipMissingOnlyItsTrailerIsAnError() async throws {
        let gzipped = try ExternalTool.gzip(Self.layer)
        for cut in [1, 4, 8] {
            await #expect(throws: LayerCompressionError.self) {
                _ = try await LayerFixtures.inventory([(LayerFixtures.gzipTar, Array(gzipped.dropLast(cut)))])
            }
        }
    }

    @Test func corruptGzipIsAnError() async throws {
        var gzipped = try ExternalTool.gzip(Self.layer)
        for index in 20..<60 { gzipped[index] ^= 0x5A }
        await #expect(throws: LayerCompressionError.self) {
            _ = try await LayerFixtures.inventory([(LayerFixtures.gzipTar, gzipped)])
        }
    }

    @Test func truncatedPlainTarIsAnError() async throws {
        await #expect(throws: TarFormatError.self) {
            _ = try await LayerFixtures.inventory([(LayerFixtures.plainTar, Array(Self.layer.prefix(700)))])
        }
    }

    @Test func emptyLayerIsEmpty() async throws {
        let inventory = try await LayerFixtures.inventory([(LayerFixtures.gzipTar, try ExternalTool.gzip(TarBuilder.endOfArchive))])
        #expect(inventory.packages.isEmpty)
        #expect(inventory.problems.isEmpty)
    }
}
