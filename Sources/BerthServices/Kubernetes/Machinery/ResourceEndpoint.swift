import BerthModel

/// One Kubernetes resource as the generic HTTP handler serves it. Bodies are open JSON at
/// this boundary (patches, strict field checks and Table rows work on JSON); each kind decodes
/// into its typed model inside. Verbs a kind does not serve keep the default, a 405.
public protocol ResourceEndpoint: Sendable {
    var descriptor: ResourceDescriptor { get }
    var table: ResourceTable { get }
    func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue
    func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList
    func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue
    /// Returns the stored object and whether the update created it (ISTag, ImageTag).
    func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool)
    func patch(namespace: String?, name: String, patch: JSONValue, type: PatchType, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool)
    func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue
    func watch(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error>
    /// Field names the field selector accepts besides `metadata.name`/`metadata.namespace`.
    var selectableFields: Set<String> { get }
}

extension ResourceEndpoint {
    public var table: ResourceTable { .standard }
    public var selectableFields: Set<String> { [] }

    func unsupported(_ action: String) -> KubeStatusError {
        KubeStatusError.methodNotAllowed(action, resource: descriptor.name, group: descriptor.group)
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue { throw unsupported("get") }
    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList { throw unsupported("list") }
    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue { throw unsupported("create") }
    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        throw unsupported("update")
    }
    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue { throw unsupported("delete") }
    public func watch(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error> {
        throw unsupported("watch")
    }

    /// Patches apply to the current object and go through `update`, so a patch obeys every
    /// rule an update does. Without a resourceVersion in the patch, a write race is retried
    /// on the fresh object instead of surfacing as a 409.
    public func patch(namespace: String?, name: String, patch: JSONValue, type: PatchType, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        guard descriptor.verbs.contains("patch") else { throw unsupported("patch") }
        let pinned = patch["metadata"]?["resourceVersion"] != nil
        var attempt = 0
        while true {
            attempt += 1
            let current = try await get(namespace: namespace, name: name, caller: caller)
            let patched: JSONValue
            switch type {
            case .json:
                do { patched = try JSONPatch.apply(patch, to: current) } catch { throw KubeStatusError(code: 422, reason: "Invalid", message: error.message) }
            case .merge:
                patched = MergePatch.apply(patch, to: current)
            case .strategic:
                do { patched = try StrategicMergePatch(mergeKeys: descriptor.mergeKeys).apply(patch, to: current) } catch {
                    throw KubeStatusError.badRequest(error.message)
                }
            }
            do {
                return try await update(namespace: namespace, name: name, body: patched, dryRun: dryRun, caller: caller)
            } catch let error as KubeStatusError where error.reason == "Conflict" && !pinned && attempt < 5 {
                continue
            }
        }
    }
}
