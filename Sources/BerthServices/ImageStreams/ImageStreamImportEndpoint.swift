import BerthModel

/// `imagestreamimports`: create only, answered 201 with the per-image results.
public struct ImageStreamImportEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreamimports", kind: "ImageStreamImport", namespaced: true, verbs: ["create"])
    let importer: StreamImporter

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        guard let namespace, !namespace.isEmpty else { throw KubeStatusError.badRequest("a namespace must be specified to import images") }
        let request = try KubeJSON.decode(ImageStreamImport.self, from: body, kind: "ImageStreamImport")
        let result = try await importer.run(request, namespace: namespace, dryRun: dryRun)
        var value = try KubeJSON.value(result)
        if case .object(var object) = value, case .object(var status) = object["status"], case .object(var stream)? = status["import"] {
            stream["kind"] = nil
            stream["apiVersion"] = nil
            status["import"] = .object(stream)
            object["status"] = .object(status)
            value = .object(object)
        }
        return KubeJSON.typed(value, kind: "ImageStreamImport", apiVersion: ImageAPI.apiVersion)
    }
}
