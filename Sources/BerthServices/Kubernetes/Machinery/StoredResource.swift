import BerthModel
import BerthStore
import Foundation

/// A Kubernetes resource kept in the object store, with the apiserver's generic semantics:
/// names and generateName, uid and creationTimestamp, `resourceVersion` as the store's global
/// version (opaque to clients, monotonic, so watches resume from it), CAS updates with 409 on
/// a stale version, dry runs that store nothing, selectors, pages and watches.
public struct StoredResource<Strategy: ResourceStrategy>: ResourceEndpoint {
    public typealias Object = Strategy.Object
    public let descriptor: ResourceDescriptor
    public let table: ResourceTable
    public let selectableFields: Set<String>
    let store: any ObjectStore
    let strategy: Strategy
    let storeKind: String

    public init(descriptor: ResourceDescriptor, strategy: Strategy, store: any ObjectStore, table: ResourceTable = .standard, selectableFields: Set<String> = []) {
        self.descriptor = descriptor
        self.strategy = strategy
        self.store = store
        self.table = table
        self.selectableFields = selectableFields
        self.storeKind = "k8s:\(descriptor.group.isEmpty ? "core" : descriptor.group):\(descriptor.resource)"
    }

    func key(_ namespace: String?, _ name: String) -> String {
        descriptor.namespaced ? "\(namespace ?? "")/\(name)" : name
    }

    func prefix(_ namespace: String?) -> String {
        guard descriptor.namespaced, let namespace else { return "" }
        return namespace + "/"
    }

    func requireNamespace(_ namespace: String?) throws(KubeStatusError) {
        if descriptor.namespaced && (namespace ?? "").isEmpty {
            throw KubeStatusError.badRequest("a namespace must be specified for \(descriptor.resource)")
        }
    }

    // MARK: Typed access (used by the virtual kinds built over this one)

    /// The object as read: version filled in, computed fields decorated, not yet presented.
    public func read(namespace: String?, name: String) async throws -> (Object, Int64)? {
        guard let stored = try await store.get(kind: storeKind, key: key(namespace, name)) else { return nil }
        return (try object(from: stored), stored.resourceVersion)
    }

    public func require(namespace: String?, name: String) async throws -> (Object, Int64) {
        guard let found = try await read(namespace: namespace, name: name) else {
            throw KubeStatusError.notFound(descriptor.resource, group: descriptor.group, name: name)
        }
        return found
    }

    func object(from stored: StoredObject) throws -> Object {
        var object = try strategy.unsealed(StoreCoding.decode(Object.self, from: stored.body))
        object.metadata.resourceVersion = String(stored.resourceVersion)
        object.apiVersion = nil
        object.kind = nil
        strategy.decorate(&object)
        return object
    }

    func encodeForStore(_ object: Object) throws -> Data {
        var stored = try strategy.sealed(object)
        stored.metadata.resourceVersion = nil
        stored.apiVersion = nil
        stored.kind = nil
        return try StoreCoding.encode(stored)
    }

    func index(_ object: Object) -> [IndexEntry] {
        (object.metadata.labels ?? [:]).sorted { $0.key < $1.key }.map { IndexEntry("label", "\($0.key)=\($0.value)") }
    }

    public func wire(_ object: Object, caller: ResourceCaller) throws -> JSONValue {
        KubeJSON.typed(try KubeJSON.value(strategy.present(object, to: caller)), kind: descriptor.kind, apiVersion: descriptor.apiVersion)
    }

    func invalid(_ name: String, _ causes: [KubeStatusCause]) -> KubeStatusError {
        KubeStatusError.invalid(kind: descriptor.kind, group: descriptor.group, name: name, causes: causes)
    }

    /// Creates a typed object: generic metadata rules, then the strategy, then one store write.
    public func createObject(_ input: Object, namespace: String?, dryRun: Bool) async throws -> Object {
        try requireNamespace(namespace)
        var object = input
        if let given = object.metadata.namespace, !given.isEmpty, given != (namespace ?? "") , descriptor.namespaced {
            throw KubeStatusError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        object.metadata.namespace = descriptor.namespaced ? namespace : nil
        if (object.metadata.name ?? "").isEmpty, let prefix = object.metadata.generateName, !prefix.isEmpty {
            object.metadata.name = KubeNames.generate(prefix: prefix)
        }
        let name = object.metadata.name ?? ""
        guard !name.isEmpty else {
            throw invalid("", [.required("metadata.name", "name or generateName is required")])
        }
        let segmentProblems = KubeNames.pathSegmentProblems(name)
        if !segmentProblems.isEmpty { throw invalid(name, segmentProblems.map { .invalid("metadata.name", name, $0) }) }
        object.metadata.uid = KubeNames.uid()
        object.metadata.creationTimestamp = KubeTime.now()
        object.metadata.resourceVersion = nil
        object.metadata.deletionTimestamp = nil
        try await strategy.prepareForCreate(&object)
        let causes = try await strategy.validate(object)
        if !causes.isEmpty { throw invalid(name, causes) }
        if dryRun {
            if try await store.get(kind: storeKind, key: key(namespace, name)) != nil {
                throw KubeStatusError.alreadyExists(descriptor.resource, group: descriptor.group, name: name)
            }
            strategy.decorate(&object)
            return object
        }
        do {
            let stored = try await store.create(kind: storeKind, key: key(namespace, name), body: encodeForStore(object), index: index(object))
            return try self.object(from: stored)
        } catch let error as BerthError where error.code == .alreadyExists {
            throw KubeStatusError.alreadyExists(descriptor.resource, group: descriptor.group, name: name)
        }
    }

    /// Replaces a typed object. `expectedVersion` nil means "the version the body names".
    public func updateObject(_ input: Object, namespace: String?, name: String, dryRun: Bool) async throws -> Object {
        try requireNamespace(namespace)
        guard let (old, oldVersion) = try await read(namespace: namespace, name: name) else {
            throw KubeStatusError.notFound(descriptor.resource, group: descriptor.group, name: name)
        }
        var object = input
        if let given = object.metadata.name, given != name {
            throw KubeStatusError.badRequest("the name of the object (\(given)) does not match the name on the URL (\(name))")
        }
        if descriptor.namespaced, let given = object.metadata.namespace, !given.isEmpty, given != namespace {
            throw KubeStatusError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        let expected: Int64
        if let text = object.metadata.resourceVersion, !text.isEmpty {
            guard let version = Int64(text) else {
                throw invalid(name, [.invalid("metadata.resourceVersion", text, "must be a resource version this server issued")])
            }
            guard version == oldVersion else { throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name) }
            expected = version
        } else if strategy.allowsUnconditionalUpdate {
            expected = oldVersion
        } else {
            throw invalid(name, [.invalid("metadata.resourceVersion", "0x0", "must be specified for an update")])
        }
        object.metadata.name = name
        object.metadata.namespace = old.metadata.namespace
        object.metadata.uid = old.metadata.uid
        object.metadata.creationTimestamp = old.metadata.creationTimestamp
        object.metadata.generateName = old.metadata.generateName
        try await strategy.prepareForUpdate(&object, old: old)
        let causes = try await strategy.validateUpdate(object, old: old)
        if !causes.isEmpty { throw invalid(name, causes) }
        if dryRun {
            strategy.decorate(&object)
            object.metadata.resourceVersion = String(oldVersion)
            return object
        }
        do {
            let stored = try await store.update(kind: storeKind, key: key(namespace, name), body: encodeForStore(object), index: index(object), expectedVersion: expected)
            return try self.object(from: stored)
        } catch let error as BerthError where error.code == .conflict {
            throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name)
        } catch let error as BerthError where error.code == .notFound {
            throw KubeStatusError.notFound(descriptor.resource, group: descriptor.group, name: name)
        }
    }

    /// Stores an object the service built whole (a stream an import creates), bypassing the
    /// strategy that would reset its status.
    public func insertObject(_ object: Object) async throws -> Object {
        let name = object.metadata.name ?? ""
        do {
            let stored = try await store.create(kind: storeKind, key: key(object.metadata.namespace, name), body: encodeForStore(object), index: index(object))
            return try self.object(from: stored)
        } catch let error as BerthError where error.code == .alreadyExists {
            throw KubeStatusError.alreadyExists(descriptor.resource, group: descriptor.group, name: name)
        }
    }

    /// Writes an object the service built itself (an import result), checked against the
    /// version it was read at.
    public func replaceObject(_ object: Object, namespace: String?, name: String, expectedVersion: Int64) async throws -> Object {
        do {
            let stored = try await store.update(kind: storeKind, key: key(namespace, name), body: encodeForStore(object), index: index(object), expectedVersion: expectedVersion)
            return try self.object(from: stored)
        } catch let error as BerthError where error.code == .conflict {
            throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name)
        }
    }

    var listing: StoreListing<Object> {
        let strategy = self.strategy
        return StoreListing(store: store, storeKind: storeKind, namespaced: descriptor.namespaced, decode: { try self.object(from: $0) }) { strategy.fields($0) }
    }

    public func listObjects(namespace: String?, options: ListOptions = ListOptions()) async throws -> (items: [Object], version: Int64, continueToken: String?, remaining: Int?) {
        try await listing.list(namespace: namespace, options: options)
    }

    public func deleteObject(namespace: String?, name: String, options: DeleteOptions) async throws -> Object {
        try requireNamespace(namespace)
        guard let (old, version) = try await read(namespace: namespace, name: name) else {
            throw KubeStatusError.notFound(descriptor.resource, group: descriptor.group, name: name)
        }
        if let uid = options.preconditionUID, uid != old.metadata.uid {
            throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name,
                                           "Precondition failed: UID in precondition: \(uid), UID in object meta: \(old.metadata.uid ?? "")")
        }
        if let rv = options.preconditionResourceVersion, rv != String(version) {
            throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name,
                                           "Precondition failed: ResourceVersion in precondition: \(rv), ResourceVersion in object meta: \(version)")
        }
        if options.dryRun { return old }
        do {
            let stored = try await store.delete(kind: storeKind, key: key(namespace, name), expectedVersion: version)
            return try object(from: stored)
        } catch let error as BerthError where error.code == .conflict {
            throw KubeStatusError.conflict(descriptor.resource, group: descriptor.group, name: name)
        } catch let error as BerthError where error.code == .notFound {
            throw KubeStatusError.notFound(descriptor.resource, group: descriptor.group, name: name)
        }
    }

    // MARK: ResourceEndpoint

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        try requireNamespace(namespace)
        return try wire(try await require(namespace: namespace, name: name).0, caller: caller)
    }

    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList {
        let result = try await listObjects(namespace: namespace, options: options)
        let items = try result.items.map { KubeJSON.untyped(try wire($0, caller: caller)) }
        return ResourceList(items: items, resourceVersion: String(result.version), continueToken: result.continueToken, remainingItemCount: result.remaining)
    }

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        let object = try KubeJSON.decode(Object.self, from: body, kind: descriptor.kind)
        return try wire(try await createObject(object, namespace: namespace, dryRun: dryRun), caller: caller)
    }

    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        let object = try KubeJSON.decode(Object.self, from: body, kind: descriptor.kind)
        return (try wire(try await updateObject(object, namespace: namespace, name: name, dryRun: dryRun), caller: caller), false)
    }

    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        let deleted = try await deleteObject(namespace: namespace, name: name, options: options)
        return KubeSuccess.status(name: name, group: descriptor.group, resource: descriptor.resource, uid: deleted.metadata.uid)
    }

    public func watch(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error> {
        try await listing.watch(namespace: namespace, options: options) { try self.wire($0, caller: caller) }
    }
}
