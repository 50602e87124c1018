import BerthModel
import BerthRegistry
import Foundation

/// Reads an image's manifest (through an index, for the wanted platform) and its config, and
/// turns them into StackRox's `ImageMetadata`.
struct ImageMetadataFetcher: Sendable {
    var platform: Platform

    func fetch(reference: String, source: any ImageContentSource, dataSource: DataSource) async throws(RegistryError) -> FetchedImage {
        let top = try await source.manifest(reference: reference)
        var manifestResponse = top
        if MediaType.isIndex(top.mediaType) {
            let url = "\(source.location)/manifests/\(reference)"
            guard let index = try? top.decodeIndex() else {
                throw .invalidResponse(url: url, detail: "the image index is not valid JSON")
            }
            guard let child = index.child(for: platform) else {
                let offered = index.manifests.compactMap { $0.platform?.description }.joined(separator: ", ")
                throw .unsupported(url: url, detail: "the index has no manifest for \(platform) (it has: \(offered.isEmpty ? "none" : offered))")
            }
            manifestResponse = try await source.manifest(reference: child.digest)
            guard MediaType.isManifest(manifestResponse.mediaType) else {
                throw .unsupported(url: url, detail: "the index child \(child.digest) is a \(manifestResponse.mediaType), not an image manifest")
            }
        }
        let manifestURL = "\(source.location)/manifests/\(manifestResponse.digest)"
        guard let manifest = try? manifestResponse.decodeManifest() else {
            throw .invalidResponse(url: manifestURL, detail: "the manifest is not a valid image manifest")
        }
        let configData = try await source.blob(digest: manifest.config.digest, limit: 16 << 20)
        guard let config = try? JSONDecoder().decode(ImageConfig.self, from: configData) else {
            throw .invalidResponse(url: manifestURL, detail: "the config blob \(manifest.config.digest) is not an image config")
        }
        var metadata = ImageMetadata()
        metadata.v1 = Self.v1(config, digest: manifest.config.digest)
        var v2 = V2Metadata()
        v2.digest = top.digest
        metadata.v2 = v2
        metadata.layerShas = manifest.layers.map(\.digest)
        metadata.dataSource = dataSource
        metadata.version = "0"
        var fetched = FetchedImage(digest: top.digest, platformManifestDigest: manifestResponse.digest, manifest: manifest, metadata: metadata)
        fetched.mediaType = top.mediaType
        fetched.manifestMediaType = manifestResponse.mediaType
        fetched.config = config
        fetched.configSize = configData.count
        if MediaType.isIndex(top.mediaType) {
            fetched.index = try? top.decodeIndex()
            fetched.indexSize = top.data.count
        }
        return fetched
    }

    static func v1(_ config: ImageConfig, digest: String) -> V1Metadata {
        var v1 = V1Metadata()
        v1.digest = digest
        v1.created = config.created.map(Timestamps.normalize)
        v1.author = config.author ?? ""
        v1.user = config.config?.User ?? ""
        v1.command = config.config?.Cmd ?? []
        v1.entrypoint = config.config?.Entrypoint ?? []
        v1.volumes = (config.config?.Volumes?.keys).map { Array($0).sorted() } ?? []
        v1.labels = config.config?.Labels ?? [:]
        v1.layers = (config.history ?? []).map { entry in
            var layer = ImageLayer()
            let (instruction, value) = DockerfileInstruction.parse(entry.created_by ?? "")
            layer.instruction = instruction
            layer.value = value
            layer.created = entry.created.map(Timestamps.normalize)
            layer.author = entry.author ?? ""
            layer.empty = entry.empty_layer ?? false
            return layer
        }
        return v1
    }
}
