import BerthRegistry
import Foundation
import Testing

/// OCI layouts on disk as an image source, with the same digest checks as a registry.
@Suite struct OCILayoutTests {
    @Test func tagsDigestsAndBlobsAreReadAndVerified() async throws {
        let layout = try TestImages.makeLayout(seed: "layout-\(UUID().uuidString.prefix(6))", layers: 2)
        let source = try OCILayout(path: layout.path)
        let single = try await source.manifest(reference: "1.0")
        #expect(single.digest == layout.amd64)
        #expect(single.mediaType == MediaType.ociManifest)
        let index = try await source.manifest(reference: "multi")
        #expect(index.digest == layout.index)
        #expect(MediaType.isIndex(index.mediaType))
        #expect(try await source.manifest(reference: layout.arm64).digest == layout.arm64)

        let manifest = try single.decodeManifest()
        let config = try await source.blob(digest: manifest.config.digest, limit: 1 << 20)
        #expect(RegistryClient.sha256(config) == manifest.config.digest)
        var bytes = 0
        for try await chunk in try await source.blobStream(digest: manifest.layers[0].digest) { bytes += chunk.readableBytes }
        #expect(Int64(bytes) == manifest.layers[0].size)

        await #expect(throws: RegistryError.self) { try await source.manifest(reference: "nope") }
        do {
            _ = try await source.manifest(reference: "nope")
        } catch {
            #expect(error.description.contains("1.0, multi"), "\(error)")
        }

        // A blob whose bytes no longer match its name is refused, whole or streamed.
        let layer = manifest.layers[1].digest
        let file = URL(fileURLWithPath: layout.path).appendingPathComponent("blobs/sha256/\(layer.dropFirst(7))")
        var data = try Data(contentsOf: file)
        data[data.count / 2] ^= 0xFF
        try data.write(to: file)
        await #expect(throws: RegistryError.self) {
            for try await _ in try await source.blobStream(digest: layer) {}
        }
        await #expect(throws: RegistryError.self) { try await source.blob(digest: layer, limit: 1 << 20) }
        #expect(throws: RegistryError.self) { try OCILayout(path: "/nonexistent-layout") }
    }
}
