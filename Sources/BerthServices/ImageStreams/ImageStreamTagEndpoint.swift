import BerthModel

/// `imagestreamtags`: a view of one tag of a stream. Writes change the stream (spec tag and
/// annotations), so the view's uid and resourceVersion are the stream's.
public struct ImageStreamTagEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagestreamtags", kind: "ImageStreamTag", namespaced: true,
                                               verbs: ["create", "delete", "get", "list", "patch", "update"])
    let streams: StoredResource<ImageStreamStrategy>
    let images: OpenShiftImageEndpoint

    public var table: ResourceTable {
        ResourceTable(columns: [.init("Name", format: "name"), .init("Image Reference"), .init("Updated"), .init("Image Name", priority: 1)]) { object in
            [object["metadata"]?["name"] ?? "", object["image"]?["dockerImageReference"] ?? "",
             .string(KubeTime.ago(object["metadata"]?["creationTimestamp"]?.stringValue)),
             object["image"]?["metadata"]?["name"] ?? ""]
        }
    }

    static func split(_ name: String) throws(KubeStatusError) -> (stream: String, tag: String) {
        let parts = name.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard !name.contains("@"), parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw KubeStatusError.badRequest("ImageStreamTags must be retrieved with <name>:<tag>")
        }
        return (String(parts[0]), String(parts[1]))
    }

    /// The reference a reader should pull: Local policy points at the stream's own repository.
    static func resolvedReference(_ stream: ImageStream, tag: String, event: TagEvent) -> String {
        let policy = stream.spec.tags?.first { $0.name == tag }?.referencePolicy.type
        if policy == TagReferencePolicy.local, !stream.status.dockerImageRepository.isEmpty, !event.image.isEmpty {
            return "\(stream.status.dockerImageRepository)@\(event.image)"
        }
        return event.dockerImageReference
    }

    func view(_ stream: ImageStream, tag: String, full: Bool) async throws -> ImageStreamTag? {
        guard let list = stream.status.tags?.first(where: { $0.tag == tag }), let event = list.items?.first, !event.image.isEmpty else { return nil }
        var view = ImageStreamTag()
        let specTag = stream.spec.tags?.first { $0.name == tag }
        view.metadata.name = "\(stream.metadata.name ?? ""):\(tag)"
        view.metadata.namespace = stream.metadata.namespace
        view.metadata.uid = stream.metadata.uid
        view.metadata.resourceVersion = stream.metadata.resourceVersion
        view.metadata.creationTimestamp = event.created
        view.metadata.labels = stream.metadata.labels
        view.metadata.annotations = specTag?.annotations ?? [:]
        view.tag = specTag
        view.generation = event.generation
        view.lookupPolicy = stream.spec.lookupPolicy
        view.conditions = list.conditions
        let reference = Self.resolvedReference(stream, tag: tag, event: event)
        if full {
            guard let (_, image, _) = try await images.read(event.image) else { return nil }
            var shown = image
            shown.dockerImageReference = reference
            shown.dockerImageManifest = nil
            shown.dockerImageConfig = nil
            var annotations = shown.metadata.annotations ?? [:]
            for (key, value) in specTag?.annotations ?? [:] { annotations[key] = value }
            shown.metadata.annotations = annotations
            view.image = shown
        } else {
            var stub = OpenShiftImage()
            stub.metadata.name = event.image
            stub.dockerImageReference = reference
            view.image = stub
        }
        return view
    }

    func wire(_ view: ImageStreamTag) throws -> JSONValue {
        KubeJSON.typed(try KubeJSON.value(view), kind: "ImageStreamTag", apiVersion: ImageAPI.apiVersion)
    }

    func notFound(_ name: String) -> KubeStatusError {
        KubeStatusError.notFound("imagestreamtags", group: ImageAPI.group, name: name)
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        let (streamName, tag) = try Self.split(name)
        let (stream, _) = try await streams.require(namespace: namespace, name: streamName)
        guard let view = try await view(stream, tag: tag, full: true) else { throw notFound(name) }
        return try wire(view)
    }

    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList {
        var streamOptions = ListOptions(labelSelector: options.labelSelector)
        streamOptions.fieldSelector = nil
        let page = try await streams.listObjects(namespace: namespace, options: streamOptions)
        var items: [JSONValue] = []
        for stream in page.items {
            for list in stream.status.tags ?? [] {
                guard let view = try await view(stream, tag: list.tag, full: false) else { continue }
                let fields = ["metadata.name": view.metadata.name ?? "", "metadata.namespace": view.metadata.namespace ?? ""]
                guard options.fieldSelector?.matches(fields) ?? true else { continue }
                items.append(try KubeJSON.value(view))
            }
        }
        return ResourceList(items: items, resourceVersion: String(page.version))
    }

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        var input = try KubeJSON.decode(ImageStreamTag.self, from: body, kind: "ImageStreamTag")
        let name = input.metadata.name ?? ""
        let (streamName, tag) = try Self.split(name)
        if var reference = input.tag {
            if reference.name.isEmpty { reference.name = tag }
            input.tag = ImageStreamValidation.defaulted(reference)
        }
        let causes = validate(input, tag: tag)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageStreamTag", group: ImageAPI.group, name: name, causes: causes) }
        for _ in 0..<10 {
            if let (stream, _) = try await streams.read(namespace: namespace, name: streamName) {
                if stream.spec.tags?.contains(where: { $0.name == tag }) == true {
                    throw KubeStatusError.alreadyExists("imagestreamtag", group: ImageAPI.group, name: name)
                }
                var updated = stream
                if let reference = input.tag { updated.spec.tags = (updated.spec.tags ?? []) + [reference] }
                do {
                    let stored = try await streams.updateObject(updated, namespace: namespace, name: streamName, dryRun: dryRun)
                    return try wire(try await view(stored, tag: tag, full: true) ?? placeholder(stored, tag: tag))
                } catch let error as KubeStatusError where error.reason == "Conflict" {
                    continue
                }
            } else {
                var stream = ImageStream()
                stream.metadata = ObjectMeta(name: streamName, namespace: namespace)
                if let reference = input.tag { stream.spec.tags = [reference] }
                do {
                    let stored = try await streams.createObject(stream, namespace: namespace, dryRun: dryRun)
                    return try wire(try await view(stored, tag: tag, full: true) ?? placeholder(stored, tag: tag))
                } catch let error as KubeStatusError where error.reason == "AlreadyExists" {
                    continue
                }
            }
        }
        throw KubeStatusError.serverTimeout("create", resource: "imagestreamtags", group: ImageAPI.group)
    }

    /// A tag with no image yet (a DockerImage tag waiting for its import).
    func placeholder(_ stream: ImageStream, tag: String) -> ImageStreamTag {
        var view = ImageStreamTag()
        view.metadata.name = "\(stream.metadata.name ?? ""):\(tag)"
        view.metadata.namespace = stream.metadata.namespace
        view.metadata.uid = stream.metadata.uid
        view.metadata.resourceVersion = stream.metadata.resourceVersion
        view.metadata.labels = stream.metadata.labels
        let specTag = stream.spec.tags?.first { $0.name == tag }
        view.metadata.annotations = specTag?.annotations ?? [:]
        view.tag = specTag
        view.lookupPolicy = stream.spec.lookupPolicy
        view.conditions = stream.status.tags?.first { $0.tag == tag }?.conditions
        return view
    }

    func validate(_ input: ImageStreamTag, tag: String) -> [KubeStatusCause] {
        var causes = KubeNames.pathSegmentProblems(input.metadata.name ?? "").map { KubeStatusCause.invalid("metadata.name", input.metadata.name ?? "", $0) }
        if let reference = input.tag {
            causes += ImageStreamValidation.tagReference(reference, field: "tag")
            if let annotations = reference.annotations, !annotations.isEmpty, annotations != (input.metadata.annotations ?? [:]) {
                causes.append(.invalid("tag.annotations", "", "tag annotations must not be provided or must be equal to the object meta annotations"))
            }
        }
        return causes
    }

    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        var input = try KubeJSON.decode(ImageStreamTag.self, from: body, kind: "ImageStreamTag")
        let (streamName, tag) = try Self.split(name)
        if let given = input.metadata.name, given != name {
            throw KubeStatusError.badRequest("the name of the object (\(given)) does not match the name on the URL (\(name))")
        }
        if var reference = input.tag {
            if reference.name.isEmpty { reference.name = tag }
            reference.annotations = input.metadata.annotations
            input.tag = ImageStreamValidation.defaulted(reference)
        }
        let causes = validate(input, tag: tag)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageStreamTag", group: ImageAPI.group, name: name, causes: causes) }
        let pinned = input.metadata.resourceVersion.flatMap { $0.isEmpty ? nil : $0 }
        for _ in 0..<10 {
            guard let (stream, version) = try await streams.read(namespace: namespace, name: streamName) else {
                if pinned != nil { throw KubeStatusError.notFound("imagestreams", group: ImageAPI.group, name: streamName) }
                return (try await create(namespace: namespace, body: body, dryRun: dryRun, caller: caller), true)
            }
            if let pinned, pinned != String(version) {
                throw KubeStatusError.conflict("imagestreamtags", group: ImageAPI.group, name: name, "another caller has updated the resource version to \(version)")
            }
            let exists = stream.spec.tags?.contains { $0.name == tag } ?? false
            guard let reference = input.tag else {
                if !exists {
                    throw KubeStatusError.badRequest("imagestreamtag \(tag) is not a spec tag in imagestream \(namespace ?? "")/\(streamName), cannot be updated")
                }
                return (try wire(try await view(stream, tag: tag, full: true) ?? placeholder(stream, tag: tag)), false)
            }
            var updated = stream
            var tags = (updated.spec.tags ?? []).filter { $0.name != tag }
            var newReference = reference
            newReference.name = tag
            tags.append(newReference)
            updated.spec.tags = tags
            updated.metadata.resourceVersion = String(version)
            do {
                let stored = try await streams.updateObject(updated, namespace: namespace, name: streamName, dryRun: dryRun)
                return (try wire(try await view(stored, tag: tag, full: true) ?? placeholder(stored, tag: tag)), !exists)
            } catch let error as KubeStatusError where error.reason == "Conflict" && pinned == nil {
                continue
            }
        }
        throw KubeStatusError.serverTimeout("update", resource: "imagestreamtags", group: ImageAPI.group)
    }

    /// PATCH applies to the current view, or to an empty one when only the spec tag exists.
    public func patch(namespace: String?, name: String, patch: JSONValue, type: PatchType, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        let (streamName, tag) = try Self.split(name)
        let (stream, _) = try await streams.require(namespace: namespace, name: streamName)
        guard let current = try await view(stream, tag: tag, full: true) ?? (stream.spec.tags?.contains { $0.name == tag } == true ? placeholder(stream, tag: tag) : nil) else {
            throw notFound(name)
        }
        var document = try wire(current)
        switch type {
        case .json:
            do { document = try JSONPatch.apply(patch, to: document) } catch { throw KubeStatusError(code: 422, reason: "Invalid", message: error.message) }
        case .merge: document = MergePatch.apply(patch, to: document)
        case .strategic:
            do { document = try StrategicMergePatch(mergeKeys: [:]).apply(patch, to: document) } catch { throw KubeStatusError.badRequest(error.message) }
        }
        return try await update(namespace: namespace, name: name, body: document, dryRun: dryRun, caller: caller)
    }

    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        let (streamName, tag) = try Self.split(name)
        for _ in 0..<10 {
            let (stream, version) = try await streams.require(namespace: namespace, name: streamName)
            if let uid = options.preconditionUID, uid != stream.metadata.uid {
                throw KubeStatusError.conflict("imagestreamtags", group: ImageAPI.group, name: name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(stream.metadata.uid ?? "")")
            }
            let inSpec = stream.spec.tags?.contains { $0.name == tag } ?? false
            let inStatus = stream.status.tags?.contains { $0.tag == tag } ?? false
            guard inSpec || inStatus else { throw notFound(name) }
            var updated = stream
            updated.spec.tags = stream.spec.tags?.filter { $0.name != tag }
            updated.status.tags = stream.status.tags?.filter { $0.tag != tag }
            if updated.spec.tags?.isEmpty == true { updated.spec.tags = nil }
            if updated.status.tags?.isEmpty == true { updated.status.tags = nil }
            if options.dryRun { break }
            updated.metadata.generation = (stream.metadata.generation ?? 1) + (inSpec ? 1 : 0)
            do {
                _ = try await streams.replaceObject(updated, namespace: namespace, name: streamName, expectedVersion: version)
                break
            } catch let error as KubeStatusError where error.reason == "Conflict" {
                continue
            }
        }
        return KubeSuccess.status()
    }
}
