import BerthModel

/// `imagetags`: the full view of one tag — spec, status and current image, each null when
/// absent. Unlike ImageStreamTag it exists as soon as either a spec or a status tag does, and
/// an update with a null spec removes the spec tag while the history stays.
public struct ImageTagEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagetags", kind: "ImageTag", namespaced: true,
                                               verbs: ["create", "delete", "get", "list", "patch", "update"])
    let streams: StoredResource<ImageStreamStrategy>
    let images: OpenShiftImageEndpoint
    let streamTags: ImageStreamTagEndpoint

    public var table: ResourceTable {
        ResourceTable(columns: [.init("Name", format: "name"), .init("Spec"), .init("Status"), .init("History", type: "number"), .init("Updated")]) { object in
            [object["metadata"]?["name"] ?? "", .string(Self.specColumn(object)), .string(Self.statusColumn(object)),
             (object["status"]?["items"]?.arrayValue?.count).flatMap { $0 == 0 ? nil : JSONValue.number(Double($0)) } ?? .null,
             .string(KubeTime.ago(object["status"]?["items"]?.arrayValue?.first?["created"]?.stringValue))]
        }
    }

    /// `Tag`, `Ref`, `Scheduled`, `Track`, `Push`, as `oc get itag` prints them.
    static func specColumn(_ object: JSONValue) -> String {
        let spec = object["spec"], status = object["status"]
        guard let spec, spec != .null else { return status == nil || status == .null ? "" : "Push" }
        var words = ["Tag"]
        if spec["reference"] == .bool(true) { words.append("Ref") }
        if spec["importPolicy"]?["scheduled"] == .bool(true) { words.append("Scheduled") }
        if spec["from"]?["kind"] == "ImageStreamTag", !(spec["from"]?["name"]?.stringValue ?? ":").contains(":") { words.append("Track") }
        return words.joined(separator: " ")
    }

    static func statusColumn(_ object: JSONValue) -> String {
        let spec = object["spec"], status = object["status"]
        if let condition = status?["conditions"]?.arrayValue?.first, condition["status"] == "False" {
            return "ImportFailed (\(condition["reason"]?.stringValue ?? ""))"
        }
        let specGeneration = spec?["generation"]?.doubleValue ?? 0
        let statusGeneration = status?["items"]?.arrayValue?.first?["generation"]?.doubleValue ?? 0
        if let spec, spec != .null, statusGeneration < specGeneration, spec["from"]?["kind"] == "DockerImage", spec["reference"] != .bool(true) {
            return "Importing"
        }
        guard let from = spec?["from"], from != .null else { return status == nil || status == .null ? "" : "Pushed" }
        switch from["kind"]?.stringValue {
        case "DockerImage": return from["name"]?.stringValue ?? ""
        case "ImageStreamImage": return "image/\(from["name"]?.stringValue ?? "")"
        case "ImageStreamTag": return "istag/\(from["name"]?.stringValue ?? "")"
        default: return "InvalidRefKind"
        }
    }

    static func split(_ name: String) throws(KubeStatusError) -> (stream: String, tag: String) {
        let parts = name.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard !name.contains("@"), parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw KubeStatusError.badRequest("ImageTags must be retrieved with <name>:<tag>")
        }
        return (String(parts[0]), String(parts[1]))
    }

    func view(_ stream: ImageStream, tag: String, withImage: Bool) async throws -> ImageTag? {
        let spec = stream.spec.tags?.first { $0.name == tag }
        let status = stream.status.tags?.first { $0.tag == tag }
        guard spec != nil || status != nil else { return nil }
        var view = ImageTag()
        view.metadata = stream.metadata
        view.metadata.name = "\(stream.metadata.name ?? ""):\(tag)"
        view.spec = spec
        view.status = status
        if withImage, let head = status?.items?.first, !head.image.isEmpty, let (_, image, _) = try await images.read(head.image) {
            var shown = image
            shown.dockerImageReference = ImageStreamTagEndpoint.resolvedReference(stream, tag: tag, event: head)
            shown.dockerImageManifest = nil
            shown.dockerImageConfig = nil
            view.image = shown
        }
        return view
    }

    func wire(_ view: ImageTag) throws -> JSONValue {
        KubeJSON.typed(try KubeJSON.value(view), kind: "ImageTag", apiVersion: ImageAPI.apiVersion)
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        let (streamName, tag) = try Self.split(name)
        let (stream, _) = try await streams.require(namespace: namespace, name: streamName)
        guard let view = try await view(stream, tag: tag, withImage: true) else {
            throw KubeStatusError.notFound("imagetags", group: ImageAPI.group, name: name)
        }
        return try wire(view)
    }

    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList {
        let page = try await streams.listObjects(namespace: namespace, options: ListOptions(labelSelector: options.labelSelector))
        var items: [JSONValue] = []
        for stream in page.items {
            let names = Set((stream.spec.tags ?? []).map(\.name) + (stream.status.tags ?? []).map(\.tag)).sorted()
            for tag in names {
                guard let view = try await view(stream, tag: tag, withImage: false) else { continue }
                guard options.fieldSelector?.matches(["metadata.name": view.metadata.name ?? "", "metadata.namespace": view.metadata.namespace ?? ""]) ?? true else { continue }
                items.append(try KubeJSON.value(view))
            }
        }
        return ResourceList(items: items, resourceVersion: String(page.version))
    }

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        let input = try KubeJSON.decode(ImageTag.self, from: body, kind: "ImageTag")
        let name = input.metadata.name ?? ""
        let (streamName, tag) = try Self.split(name)
        guard var spec = input.spec else {
            throw KubeStatusError.invalid(kind: "ImageTag", group: ImageAPI.group, name: name, causes: [.required("spec", "spec is a required field during creation")])
        }
        if spec.name.isEmpty { spec.name = tag }
        spec = ImageStreamValidation.defaulted(spec)
        var causes = ImageStreamValidation.tagReference(spec, field: "spec")
        if spec.name != tag { causes.append(.invalid("spec.name", spec.name, "must match image tag name")) }
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageTag", group: ImageAPI.group, name: name, causes: causes) }
        for _ in 0..<10 {
            if let (stream, _) = try await streams.read(namespace: namespace, name: streamName) {
                if stream.spec.tags?.contains(where: { $0.name == tag }) == true {
                    throw KubeStatusError.alreadyExists("imagetags", group: ImageAPI.group, name: name)
                }
                var updated = stream
                updated.spec.tags = (updated.spec.tags ?? []) + [spec]
                do {
                    let stored = try await streams.updateObject(updated, namespace: namespace, name: streamName, dryRun: dryRun)
                    return try wire(try await view(stored, tag: tag, withImage: true) ?? ImageTag())
                } catch let error as KubeStatusError where error.reason == "Conflict" {
                    continue
                }
            }
            var stream = ImageStream()
            stream.metadata = ObjectMeta(name: streamName, namespace: namespace)
            stream.spec.tags = [spec]
            do {
                let stored = try await streams.createObject(stream, namespace: namespace, dryRun: dryRun)
                return try wire(try await view(stored, tag: tag, withImage: true) ?? ImageTag())
            } catch let error as KubeStatusError where error.reason == "AlreadyExists" {
                continue
            }
        }
        throw KubeStatusError.serverTimeout("create", resource: "imagetags", group: ImageAPI.group)
    }

    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        var input = try KubeJSON.decode(ImageTag.self, from: body, kind: "ImageTag")
        let (streamName, tag) = try Self.split(name)
        if let given = input.metadata.name, given != name {
            throw KubeStatusError.badRequest("the name of the object (\(given)) does not match the name on the URL (\(name))")
        }
        if var spec = input.spec {
            if spec.name.isEmpty { spec.name = tag }
            spec = ImageStreamValidation.defaulted(spec)
            var causes = ImageStreamValidation.tagReference(spec, field: "spec")
            if spec.name != tag { causes.append(.invalid("spec.name", spec.name, "must match image tag name")) }
            if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageTag", group: ImageAPI.group, name: name, causes: causes) }
            input.spec = spec
        }
        let pinned = input.metadata.resourceVersion.flatMap { $0.isEmpty ? nil : $0 }
        for _ in 0..<10 {
            guard let (stream, version) = try await streams.read(namespace: namespace, name: streamName) else {
                if pinned != nil { throw KubeStatusError.notFound("imagestreams", group: ImageAPI.group, name: streamName) }
                return (try await create(namespace: namespace, body: body, dryRun: dryRun, caller: caller), true)
            }
            if let pinned, pinned != String(version) {
                throw KubeStatusError.conflict("imagetags", group: ImageAPI.group, name: name)
            }
            let current = try await view(stream, tag: tag, withImage: false)
            if let current {
                var given = input.metadata
                given.resourceVersion = current.metadata.resourceVersion
                given.managedFields = current.metadata.managedFields
                if given.namespace == nil { given.namespace = current.metadata.namespace }
                if given.uid == nil { given.uid = current.metadata.uid }
                if given.creationTimestamp == nil { given.creationTimestamp = current.metadata.creationTimestamp }
                if given.generation == nil { given.generation = current.metadata.generation }
                if given.labels == nil { given.labels = current.metadata.labels }
                if given.annotations == nil { given.annotations = current.metadata.annotations }
                var causes: [KubeStatusCause] = []
                if given != current.metadata { causes.append(.invalid("metadata", "", "may not update fields other than spec")) }
                if input.status != nil && input.status != current.status { causes.append(.invalid("status", "", "may not update fields other than spec")) }
                if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageTag", group: ImageAPI.group, name: name, causes: causes) }
            }
            let existed = stream.spec.tags?.contains { $0.name == tag } ?? false
            var updated = stream
            var tags = (stream.spec.tags ?? []).filter { $0.name != tag }
            if let spec = input.spec { tags.append(spec) }
            updated.spec.tags = tags.isEmpty ? nil : tags
            updated.metadata.resourceVersion = String(version)
            do {
                let stored = try await streams.updateObject(updated, namespace: namespace, name: streamName, dryRun: dryRun)
                guard let result = try await view(stored, tag: tag, withImage: true) else {
                    var empty = ImageTag()
                    empty.metadata = stored.metadata
                    empty.metadata.name = name
                    return (try wire(empty), false)
                }
                return (try wire(result), !existed && input.spec != nil)
            } catch let error as KubeStatusError where error.reason == "Conflict" && pinned == nil {
                continue
            }
        }
        throw KubeStatusError.serverTimeout("update", resource: "imagetags", group: ImageAPI.group)
    }

    public func patch(namespace: String?, name: String, patch: JSONValue, type: PatchType, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        let current = try await get(namespace: namespace, name: name, caller: caller)
        let patched: JSONValue
        switch type {
        case .json:
            do { patched = try JSONPatch.apply(patch, to: current) } catch { throw KubeStatusError(code: 422, reason: "Invalid", message: error.message) }
        case .merge: patched = MergePatch.apply(patch, to: current)
        case .strategic:
            do { patched = try StrategicMergePatch(mergeKeys: [:]).apply(patch, to: current) } catch { throw KubeStatusError.badRequest(error.message) }
        }
        var body = patched
        if case .object(var object) = body { object["image"] = nil; body = .object(object) }
        return try await update(namespace: namespace, name: name, body: body, dryRun: dryRun, caller: caller)
    }

    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        let (streamName, tag) = try Self.split(name)
        do {
            return try await streamTags.delete(namespace: namespace, name: "\(streamName):\(tag)", options: options, caller: caller)
        } catch let error as KubeStatusError where error.code == 404 {
            throw KubeStatusError.notFound("imagetags", group: ImageAPI.group, name: name)
        }
    }
}
