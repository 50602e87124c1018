import BerthModel
import BerthReference

/// `imagestreammappings`: how a registry records a push — the image into the catalogue, a
/// tag event onto an existing stream.
public struct ImageStreamMappingEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreammappings", kind: "ImageStreamMapping", namespaced: true, verbs: ["create"])
    let streams: StoredResource<ImageStreamStrategy>
    let images: OpenShiftImageEndpoint
    let configuration: ImageStreamConfiguration

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        var mapping = try KubeJSON.decode(ImageStreamMapping.self, from: body, kind: "ImageStreamMapping")
        let name = mapping.metadata.name ?? ""
        if (mapping.image.dockerImageReference ?? "").isEmpty, let host = configuration.internalRegistryHost {
            mapping.image.dockerImageReference = "\(host)/\(namespace ?? "")/\(name)@\(mapping.image.metadata.name ?? "")"
        }
        mapping.image.signatures = nil
        var causes = ImageStreamValidation.streamName(name, namespace: namespace).filter { $0.field != "metadata.name" || !name.isEmpty }
        if name.isEmpty { causes.append(.required("metadata.name")) }
        if mapping.tag.isEmpty { mapping.tag = "latest" }
        causes += OpenShiftImageEndpoint.validate(mapping.image).map { cause in
            var cause = cause
            cause.field = "image." + cause.field
            return cause
        }
        if (mapping.image.metadata.name ?? "").isEmpty { causes.append(.required("image.metadata.name")) }
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageStreamMapping", group: ImageAPI.group, name: name, causes: causes) }
        _ = try await streams.require(namespace: namespace, name: name)
        let digest = mapping.image.metadata.name ?? ""
        var reference = mapping.image.dockerImageReference ?? ""
        if !dryRun {
            if let (_, existing, _) = try await images.read(digest) {
                if existing.metadata.annotations?["openshift.io/image.managed"] == "true" {
                    let (stream, _) = try await streams.require(namespace: namespace, name: name)
                    let repository = stream.status.dockerImageRepository.isEmpty ? (stream.spec.dockerImageRepository ?? "") : stream.status.dockerImageRepository
                    if !repository.isEmpty { reference = "\(repository)@\(digest)" }
                }
            } else {
                var image = mapping.image
                image.apiVersion = nil
                image.kind = nil
                do {
                    _ = try await images.create(namespace: nil, body: try KubeJSON.value(image), dryRun: false, caller: caller)
                } catch let error as KubeStatusError where error.reason == "AlreadyExists" {}
            }
        }
        for _ in 0..<10 {
            let (stream, version) = try await streams.require(namespace: namespace, name: name)
            var updated = stream
            let event = TagEvent(created: KubeTime.now(), dockerImageReference: reference, image: digest, generation: stream.metadata.generation ?? 1)
            guard TagHistory.add(event, tag: mapping.tag, to: &updated) else { break }
            TagResolver.updateTracking(&updated, changed: [mapping.tag])
            if dryRun { break }
            do {
                _ = try await streams.replaceObject(updated, namespace: namespace, name: name, expectedVersion: version)
                break
            } catch let error as KubeStatusError where error.reason == "Conflict" {
                continue
            }
        }
        return KubeSuccess.status(code: 201)
    }
}
