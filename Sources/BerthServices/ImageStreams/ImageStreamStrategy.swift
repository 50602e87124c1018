import BerthModel

/// The ImageStream rules of `imagestream/strategy.go`: the server owns status and
/// generations; a spec change bumps the stream's generation and gives new or changed tags
/// the new one (that is what asks for an import); in-cluster tag references resolve at once.
struct ImageStreamStrategy: ResourceStrategy {
    typealias Object = ImageStream
    let configuration: ImageStreamConfiguration
    let resolver: TagResolver

    func prepareForCreate(_ stream: inout ImageStream) async throws {
        stream.status = ImageStreamStatus()
        stream.metadata.generation = 1
        stream.spec.tags = Self.normalized(stream.spec.tags).map { tag in
            var tag = tag
            tag.generation = 1
            return tag
        }
        try await resolver.resolve(&stream, tags: nil, now: stream.metadata.creationTimestamp ?? KubeTime.now())
        TagHistory.collapse(&stream)
    }

    func validate(_ stream: ImageStream) async throws -> [KubeStatusCause] {
        ImageStreamValidation.stream(stream)
    }

    func prepareForUpdate(_ stream: inout ImageStream, old: ImageStream) async throws {
        stream.status = old.status
        let generation = old.metadata.generation ?? 1
        stream.metadata.generation = generation
        let oldTags = Dictionary((old.spec.tags ?? []).map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        var tags = Self.normalized(stream.spec.tags)
        for index in tags.indices {
            if let previous = oldTags[tags[index].name], tags[index].generation != 0 {
                tags[index].generation = previous.generation
            }
        }
        stream.spec.tags = tags.isEmpty ? nil : tags
        let specChanged = stream.spec != old.spec
        let next = specChanged ? generation + 1 : generation
        stream.metadata.generation = next
        var changed = Set<String>()
        for index in tags.indices {
            let tag = tags[index]
            if Self.changed(tag, old: oldTags[tag.name], namespace: stream.metadata.namespace) || (tag.generation ?? 0) == 0 {
                tags[index].generation = next
                changed.insert(tag.name)
            }
        }
        stream.spec.tags = tags.isEmpty ? nil : tags
        try await resolver.resolve(&stream, tags: changed, now: KubeTime.now())
        TagHistory.collapse(&stream)
    }

    func decorate(_ stream: inout ImageStream) {
        Self.decorate(&stream, configuration: configuration)
    }

    static func decorate(_ stream: inout ImageStream, configuration: ImageStreamConfiguration) {
        let namespace = stream.metadata.namespace ?? "", name = stream.metadata.name ?? ""
        if let host = configuration.internalRegistryHost {
            stream.status.dockerImageRepository = "\(host)/\(namespace)/\(name)"
        } else {
            stream.status.dockerImageRepository = stream.spec.dockerImageRepository ?? ""
        }
        stream.status.publicDockerImageRepository = configuration.publicRegistryHost.map { "\($0)/\(namespace)/\(name)" }
    }

    func fields(_ stream: ImageStream) -> [String: String] {
        ["spec.dockerImageRepository": stream.spec.dockerImageRepository ?? "", "status.dockerImageRepository": stream.status.dockerImageRepository]
    }

    /// Defaults applied, duplicates collapsed (the last wins), sorted by name: upstream keeps
    /// spec tags in a map, so that is how they come back.
    static func normalized(_ tags: [TagReference]?) -> [TagReference] {
        var byName: [String: TagReference] = [:]
        for tag in tags ?? [] { byName[tag.name] = ImageStreamValidation.defaulted(tag) }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// What counts as a changed tag: a new source, a reference flip, a new import mode, or
    /// a client asking for a re-import with generation 0.
    static func changed(_ tag: TagReference, old: TagReference?, namespace: String?) -> Bool {
        guard let old else { return true }
        func sourceNamespace(_ reference: TagReference) -> String {
            let value = reference.from?.namespace ?? ""
            return value.isEmpty ? (namespace ?? "") : value
        }
        if sourceNamespace(tag) != sourceNamespace(old) { return true }
        if tag.from?.name != old.from?.name { return true }
        if (tag.reference ?? false) != (old.reference ?? false) { return true }
        if (tag.importPolicy.importMode ?? TagImportPolicy.legacy) != (old.importPolicy.importMode ?? TagImportPolicy.legacy) { return true }
        if tag.generation == 0 && (old.generation ?? 0) != 0 { return true }
        return false
    }
}
