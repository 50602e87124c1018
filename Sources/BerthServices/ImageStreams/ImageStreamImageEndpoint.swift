import BerthModel

/// `imagestreamimages`: an image of a stream's history by digest or digest prefix.
public struct ImageStreamImageEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreamimages", kind: "ImageStreamImage", namespaced: true, verbs: ["get"])
    let layers: ImageStreamLayersEndpoint
    let images: OpenShiftImageEndpoint

    public var table: ResourceTable {
        ResourceTable(columns: [.init("Name", format: "name"), .init("Updated"), .init("Image Reference", priority: 1), .init("Image Name", priority: 1)]) { object in
            [object["metadata"]?["name"] ?? "", .string(KubeTime.ago(object["metadata"]?["creationTimestamp"]?.stringValue)),
             object["image"]?["dockerImageReference"] ?? "", object["image"]?["metadata"]?["name"] ?? ""]
        }
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        let parts = name.split(separator: "@", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw KubeStatusError.badRequest("ImageStreamImages must be retrieved with <name>@<id>")
        }
        let (stream, view) = try await layers.layers(namespace: namespace, name: String(parts[0]))
        let id = String(parts[1])
        let matches = view.images.keys.filter { DigestMatch.matches(image: $0, id: id) }.sorted()
        guard !matches.isEmpty else { throw KubeStatusError.notFound("imagestreamimage", group: ImageAPI.group, name: name) }
        guard matches.count == 1 else {
            throw KubeStatusError(code: 409, reason: "Conflict", message: "multiple images match the prefix \"\(id)\": \(matches.joined(separator: ", "))")
        }
        guard let (_, image, _) = try await images.read(matches[0]) else { throw KubeStatusError.notFound("images", group: ImageAPI.group, name: matches[0]) }
        var result = ImageStreamImage()
        result.metadata.name = name
        result.metadata.namespace = namespace
        result.metadata.creationTimestamp = image.metadata.creationTimestamp
        result.metadata.annotations = stream.metadata.annotations
        var shown = image
        shown.dockerImageManifest = nil
        shown.dockerImageConfig = nil
        result.image = shown
        return KubeJSON.typed(try KubeJSON.value(result), kind: "ImageStreamImage", apiVersion: ImageAPI.apiVersion)
    }
}
