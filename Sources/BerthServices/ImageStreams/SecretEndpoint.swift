import BerthModel
import BerthStore

/// `/api/v1/namespaces/{ns}/secrets`: where `kubectl create secret docker-registry` puts the
/// pull secrets imports use.
public struct SecretEndpoint: ResourceEndpoint {
    let resource: StoredResource<SecretStrategy>

    init(store: any ObjectStore, box: SecretBox) {
        resource = StoredResource(
            descriptor: ResourceDescriptor(group: "", name: "secrets", kind: "Secret", namespaced: true, verbs: ResourceDescriptor.allVerbs),
            strategy: SecretStrategy(box: box), store: store,
            table: ResourceTable(columns: [.init("Name", format: "name"), .init("Type"), .init("Data", type: "integer"), .init("Age")]) { object in
                [object["metadata"]?["name"] ?? "", object["type"] ?? "", .number(Double(object["data"]?.objectValue?.count ?? 0)),
                 .string(KubeTime.humanAge(since: object["metadata"]?["creationTimestamp"]?.stringValue))]
            },
            selectableFields: ["type"]
        )
    }

    public var descriptor: ResourceDescriptor { resource.descriptor }
    public var table: ResourceTable { resource.table }
    public var selectableFields: Set<String> { resource.selectableFields }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        try await resource.get(namespace: namespace, name: name, caller: caller)
    }
    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList {
        try await resource.list(namespace: namespace, options: options, caller: caller)
    }
    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        try await resource.create(namespace: namespace, body: body, dryRun: dryRun, caller: caller)
    }
    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        try await resource.update(namespace: namespace, name: name, body: body, dryRun: dryRun, caller: caller)
    }
    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        try await resource.delete(namespace: namespace, name: name, options: options, caller: caller)
    }
    public func watch(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error> {
        try await resource.watch(namespace: namespace, options: options, caller: caller)
    }

    /// The namespace's pull secrets, unsealed, minus those marked to be left out of imports.
    func pullSecrets(namespace: String, options: ListOptions = ListOptions()) async throws -> [Secret] {
        try await resource.listObjects(namespace: namespace, options: options).items.filter { secret in
            (secret.type == "kubernetes.io/dockerconfigjson" || secret.type == "kubernetes.io/dockercfg")
                && secret.metadata.annotations?["openshift.io/image.excludeSecret"] != "true"
        }
    }

    func presented(_ secret: Secret, caller: ResourceCaller) throws -> JSONValue {
        KubeJSON.untyped(try resource.wire(secret, caller: caller))
    }
}
