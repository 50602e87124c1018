import BerthModel

/// `imagestreams/{name}/secrets`: the namespace's pull secrets (the stream name is not
/// checked, as upstream), as an `image.openshift.io/v1` SecretList.
public struct ImageStreamSecretsEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreams/secrets", kind: "SecretList", namespaced: true, verbs: ["get"])
    let secrets: SecretEndpoint

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        let items = try await secrets.pullSecrets(namespace: namespace ?? "").map { try secrets.presented($0, caller: caller) }
        return ["kind": "SecretList", "apiVersion": .string(ImageAPI.apiVersion), "metadata": [:], "items": .array(items)]
    }
}
