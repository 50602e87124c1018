import BerthModel
import BerthRegistry

/// `imagestreams/{name}/layers`: every blob of every image in the stream's history.
public struct ImageStreamLayersEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreams/layers", kind: "ImageStreamLayers", namespaced: true, verbs: ["get"])
    let streams: StoredResource<ImageStreamStrategy>
    let images: OpenShiftImageEndpoint

    func layers(namespace: String?, name: String) async throws -> (ImageStream, ImageStreamLayers) {
        let (stream, _) = try await streams.require(namespace: namespace, name: name)
        var result = ImageStreamLayers()
        result.metadata = stream.metadata
        var pending = (stream.status.tags ?? []).flatMap { ($0.items ?? []).map(\.image) }.filter { !$0.isEmpty }
        var seen = Set<String>()
        while let digest = pending.first {
            pending.removeFirst()
            guard seen.insert(digest).inserted else { continue }
            guard let (_, image, _) = try await images.read(digest) else {
                result.images[digest] = ImageBlobReferences(imageMissing: true)
                continue
            }
            result.blobs[digest] = ImageLayerData(size: nil, mediaType: image.dockerImageManifestMediaType ?? MediaType.dockerManifest)
            if let manifests = image.dockerImageManifests, !manifests.isEmpty {
                result.images[digest] = ImageBlobReferences(manifests: manifests.map(\.digest))
                pending += manifests.map(\.digest)
                continue
            }
            let layers = image.dockerImageLayers ?? []
            for layer in layers { result.blobs[layer.name] = ImageLayerData(size: layer.size, mediaType: layer.mediaType) }
            let config = image.dockerImageMetadata?["Id"]?.stringValue
            if let config {
                let oci = image.dockerImageManifestMediaType == MediaType.ociManifest
                result.blobs[config] = ImageLayerData(size: nil, mediaType: oci ? MediaType.ociConfig : MediaType.dockerConfig)
            }
            result.images[digest] = ImageBlobReferences(layers: layers.isEmpty ? nil : layers.map(\.name), config: config)
        }
        return (stream, result)
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        KubeJSON.typed(try KubeJSON.value(try await layers(namespace: namespace, name: name).1), kind: "ImageStreamLayers", apiVersion: ImageAPI.apiVersion)
    }
}
