import BerthModel
import BerthRegistry
import Foundation

/// What an Image create learns from a manifest it carries (`dockerImageManifest`): layers,
/// media type, list children — the facts a registry push gives.
enum ImageManifestFacts {
    static func fill(_ record: inout OpenShiftImageRecord, from image: inout OpenShiftImage) {
        record.layers = image.dockerImageLayers
        record.manifests = image.dockerImageManifests
        record.manifestMediaType = image.dockerImageManifestMediaType
        record.dockerImageMetadata = image.dockerImageMetadata
        if let text = image.dockerImageManifest, let data = text.data(using: .utf8) {
            if let manifest = try? JSONDecoder().decode(ImageManifest.self, from: data) {
                record.layers = manifest.layers.map { OpenShiftImageLayer(name: $0.digest, size: $0.size, mediaType: $0.mediaType ?? "") }
                record.manifestMediaType = manifest.mediaType ?? record.manifestMediaType ?? MediaType.ociManifest
                let size = Int64(image.dockerImageConfig?.utf8.count ?? 0) + Set(manifest.layers.map(\.digest)).reduce(Int64(0)) { total, digest in
                    total + (manifest.layers.first { $0.digest == digest }?.size ?? 0)
                }
                let config = image.dockerImageConfig.flatMap { $0.data(using: .utf8) }.flatMap { try? JSONDecoder().decode(ImageConfig.self, from: $0) }
                record.dockerImageMetadata = OpenShiftImageView.metadata(from: config, configDigest: manifest.config.digest, size: size)
            } else if let index = try? JSONDecoder().decode(ImageIndex.self, from: data) {
                record.manifests = index.manifests.map {
                    ImageManifestReference(digest: $0.digest, mediaType: $0.mediaType ?? "", manifestSize: $0.size,
                                           architecture: $0.platform?.architecture ?? "", os: $0.platform?.os ?? "", variant: $0.platform?.variant)
                }
                record.manifestMediaType = index.mediaType ?? MediaType.ociIndex
                record.layers = nil
            }
        }
        // The catalogue keeps facts, not the raw documents: the registry holds those.
        image.dockerImageManifest = nil
        image.dockerImageConfig = nil
    }
}
