import BerthModel
import BerthStore
import Foundation

/// Cycle image sources and the images made from them, in one hub at a time: a source from
/// another hub does not exist as far as a caller is concerned. Credentials are sealed before
/// they reach the store and come back out only for an import.
public struct ImageSourceService: Sendable {
    public static let sourceKind = "cycle:imagesource"
    public static let imageKind = "cycle:image"
    public static let deleteJobType = "cycle.imagesource.delete"
    public static let importJobType = "cycle.image.import"

    let store: any ObjectStore
    let box: SecretBox
    let jobs: JobQueue
    let importer: ImageSourceImporter

    public init(store: any ObjectStore, box: SecretBox, jobs: JobQueue, images: ImageService, policy: EndpointPolicy) {
        self.store = store
        self.box = box
        self.jobs = jobs
        self.importer = ImageSourceImporter(images: images, policy: policy)
    }

    static func key(hub: String, id: String) -> String { "\(hub)/\(id)" }

    // MARK: Sources

    public func create(hub: String, draft: ImageSourceDraft, creator: CreatorScope) async throws -> ImageSource {
        let now = CycleTime.now()
        let name = draft.name ?? ""
        let (origin, secrets, _) = OriginSecrets.extract(draft.origin)
        var source = ImageSource(
            id: ObjectID.make(), identifier: draft.identifier ?? CycleIdentifier.tokenize(name), name: name, type: draft.type, hubId: hub,
            origin: origin, creator: creator, state: CycleState(current: "live", changed: now), events: CycleEvents(created: now)
        )
        source.about = draft.about
        source.builder = draft.builder
        source.acl = draft.acl
        let stored = StoredImageSource(source: source, sealedSecrets: try secrets.mapValues { try box.seal($0) })
        try await store.create(kind: Self.sourceKind, key: Self.key(hub: hub, id: source.id), body: try StoreCoding.encode(stored), index: Self.index(source))
        return source
    }

    /// The stored source with its sealed credentials, for the routes that check its ACL first.
    public func get(hub: String, id: String) async throws -> ImageSource {
        try await stored(hub: hub, id: id).0.source
    }

    func stored(hub: String, id: String) async throws -> (StoredImageSource, Int64) {
        guard ObjectID.isValid(id), let (stored, object) = try await store.getValue(StoredImageSource.self, kind: Self.sourceKind, key: Self.key(hub: hub, id: id)) else {
            throw BerthError.notFound("no image source with id \(id) in this hub")
        }
        return (stored, object.resourceVersion)
    }

    /// `visible` drops what the caller's ACL role may not see before the page is cut, so
    /// pages stay full.
    public func list(hub: String, query: ImageSourceQuery, visible: (ImageSource) -> Bool = { _ in true }) async throws -> [ImageSource] {
        var sources = try await store.listAll(kind: Self.sourceKind, prefix: hub + "/").map { try StoreCoding.decode(StoredImageSource.self, from: $0.body).source }
        let states = query.states
        sources = sources.filter { source in
            guard visible(source) else { return false }
            if let states { guard states.contains(source.state.current) else { return false } } else if source.state.current == "deleted" { return false }
            if let identifier = query.identifier, source.identifier != identifier { return false }
            if let search = query.search?.lowercased(), !search.isEmpty {
                let fields = [source.name, source.identifier, source.id, source.origin["details"]?["target"]?.stringValue ?? ""]
                guard fields.contains(where: { $0.lowercased().contains(search) }) else { return false }
            }
            return true
        }
        let keys = query.sort.isEmpty ? [(key: "id", descending: true)] : query.sort
        sources.sort { a, b in
            for (key, descending) in keys {
                let (x, y) = (Self.sortValue(a, key), Self.sortValue(b, key))
                if x != y { return descending ? x > y : x < y }
            }
            return a.id > b.id
        }
        let start = (query.pageNumber - 1) * query.pageSize
        guard start < sources.count else { return [] }
        return Array(sources[start..<min(sources.count, start + query.pageSize)])
    }

    static func sortValue(_ source: ImageSource, _ key: String) -> String {
        switch key {
        case "name": source.name.lowercased()
        case "identifier": source.identifier
        case "type": source.type
        case "events.created": source.events.created
        case "events.updated": source.events.updated
        case "state.current": source.state.current
        case "state.changed": source.state.changed
        default: source.id
        }
    }

    public func update(hub: String, id: String, patch: ImageSourcePatch) async throws -> ImageSource {
        try await change(hub: hub, id: id) { stored in
            try Self.requireLive(stored.source)
            var source = stored.source
            if let name = patch.name { source.name = name }
            switch patch.identifier {
            case .string(let identifier)?: source.identifier = identifier
            case .null?: source.identifier = CycleIdentifier.tokenize(source.name)
            default: break
            }
            if let about = patch.about { source.about = about }
            if let builder = patch.builder { source.builder = builder == .null ? nil : builder }
            if let origin = patch.origin {
                let (clean, secrets, cleared) = OriginSecrets.extract(origin)
                let sealed = try secrets.mapValues { try box.seal($0) }
                stored.sealedSecrets = OriginSecrets.merge(stored: stored.sealedSecrets, storedOrigin: source.origin, new: sealed, cleared: cleared, origin: clean)
                source.origin = clean
            }
            source.events.updated = CycleTime.now()
            stored.source = source
        }
    }

    public func updateAccess(hub: String, id: String, acl: CycleACL?) async throws -> ImageSource {
        try await change(hub: hub, id: id) { stored in
            try Self.requireLive(stored.source)
            stored.source.acl = acl
            stored.source.events.updated = CycleTime.now()
        }
    }

    /// Starts a delete and answers the job that finishes it. The job is queued before the
    /// source is marked `deleting`, so a crash in between leaves a job that still deletes it
    /// rather than a source stuck in `deleting`; a second DELETE answers the same job.
    public func delete(hub: String, id: String, creator: CreatorScope) async throws -> (ImageSource, Job) {
        let (current, _) = try await stored(hub: hub, id: id)
        switch current.source.state.current {
        case "deleted":
            throw BerthError(.failedPrecondition, "image source \(id) is already deleted")
        case "deleting":
            if let jobID = current.deleteJobID, let job = try await jobs.get(id: jobID) { return (current.source, job) }
        default:
            break
        }
        let job = try await jobs.enqueue(type: Self.deleteJobType, payload: CycleJobPayload.make(
            hub: hub, action: "delete", caption: "Deleting image source '\(current.source.name)'", header: "image.source.delete", input: ["id": .string(id)], creator: creator
        ), dedupeKey: "\(Self.deleteJobType):\(hub)/\(id)")
        let source = try await change(hub: hub, id: id) { stored in
            guard stored.source.state.current == "live" else { return }
            stored.source.state = CycleState(current: "deleting", changed: CycleTime.now())
            stored.deleteJobID = job.id
        }
        return (source, job)
    }

    public func deleteJobHandler() -> JobHandler {
        { job in
            let hub = job.payload["hub_id"]?.stringValue ?? ""
            let id = job.payload["input"]?["id"]?.stringValue ?? ""
            let source = try await change(hub: hub, id: id) { stored in
                // A retried job finds the work done and leaves the first deletion time.
                guard stored.source.state.current != "deleted" else { return }
                let now = CycleTime.now()
                stored.source.state = CycleState(current: "deleted", changed: now)
                stored.source.events.deleted = now
                // Nothing will use the credentials again.
                stored.sealedSecrets = [:]
            }
            return ["id": .string(source.id), "state": .string(source.state.current)]
        }
    }

    /// One source changed atomically; nothing is written when `body` throws.
    func change(hub: String, id: String, _ body: (inout StoredImageSource) throws -> Void) async throws -> ImageSource {
        guard ObjectID.isValid(id), let stored = try await store.modifyValue(
            StoredImageSource.self, kind: Self.sourceKind, key: Self.key(hub: hub, id: id), index: { Self.index($0.source) }, body
        ) else {
            throw BerthError.notFound("no image source with id \(id) in this hub")
        }
        return stored.source
    }

    static func requireLive(_ source: ImageSource) throws {
        guard source.state.current == "live" else {
            throw BerthError(.failedPrecondition, "image source \(source.id) is \(source.state.current); only a live source can be changed or used")
        }
    }

    static func index(_ source: ImageSource) -> [IndexEntry] {
        [IndexEntry("identifier", source.identifier), IndexEntry("state", source.state.current)]
    }

    /// Whether a caller acting as `role` may do this to the source: without an ACL the hub
    /// capabilities (checked by the route) decide; with one the role needs the privilege.
    public static func allows(_ source: ImageSource, role: String?, isAdmin: Bool, _ privilege: ImageSourcePrivilege) -> Bool {
        guard let acl = source.acl, !isAdmin else { return true }
        guard let role, let entry = acl.roles[role] else { return false }
        switch privilege {
        case .view: return entry.view || entry.modify || entry.manage
        case .modify: return entry.modify || entry.manage
        case .manage: return entry.manage
        }
    }

    // MARK: Images

    public func imagesCount(hub: String, sourceIDs: [String]) async throws -> [String: ImagesCount] {
        var counts = Dictionary(uniqueKeysWithValues: sourceIDs.map { ($0, ImagesCount()) })
        guard !sourceIDs.isEmpty else { return counts }
        let images = try await store.listAll(kind: Self.imageKind, prefix: hub + "/", filters: [IndexFilter("source", sourceIDs)])
        for object in images {
            let image = try StoreCoding.decode(CycleImage.self, from: object.body)
            counts[image.source.details.id]?.add(image.state.current)
        }
        return counts
    }

    public func createImage(hub: String, sourceID: String, name: String?, override: CycleImageOverride?, creator: CreatorScope) async throws -> CycleImage {
        let (stored, _) = try await stored(hub: hub, id: sourceID)
        guard stored.source.state.current == "live" else {
            throw BerthError(.failedPrecondition, "image source \(sourceID) is \(stored.source.state.current); images can only be made from a live source")
        }
        let now = CycleTime.now()
        let target = override?.target ?? stored.source.origin["details"]?["target"]?.stringValue
        let image = CycleImage(
            id: ObjectID.make(), hubId: hub, name: name ?? target ?? stored.source.name,
            source: CycleImageSource(type: stored.source.type, details: CycleImageSourceDetails(id: sourceID, origin: stored.source.origin), override: override),
            state: CycleState(current: "new", changed: now), events: CycleEvents(created: now), creator: creator
        )
        try await store.create(kind: Self.imageKind, key: Self.key(hub: hub, id: image.id), body: try StoreCoding.encode(image), index: [IndexEntry("source", sourceID)])
        return image
    }

    public func image(hub: String, id: String) async throws -> CycleImage {
        guard ObjectID.isValid(id), let (image, _) = try await store.getValue(CycleImage.self, kind: Self.imageKind, key: Self.key(hub: hub, id: id)) else {
            throw BerthError.notFound("no image with id \(id) in this hub")
        }
        return image
    }

    public func importImage(hub: String, id: String, creator: CreatorScope) async throws -> Job {
        let image = try await image(hub: hub, id: id)
        return try await jobs.enqueue(type: Self.importJobType, payload: CycleJobPayload.make(
            hub: hub, action: "import", caption: "Importing image '\(image.name)'", header: "image.import", input: ["id": .string(id)], creator: creator
        ), dedupeKey: "\(Self.importJobType):\(hub)/\(id)")
    }

    public func importJobHandler() -> JobHandler {
        { job in
            let hub = job.payload["hub_id"]?.stringValue ?? ""
            let id = job.payload["input"]?["id"]?.stringValue ?? ""
            let image = try await self.image(hub: hub, id: id)
            try await setImage(hub: hub, id: id) { $0.state = CycleState(current: "downloading", changed: CycleTime.now()) }
            do {
                let (stored, _) = try await stored(hub: hub, id: image.source.details.id)
                try Self.requireLive(stored.source)
                let secrets = try stored.sealedSecrets.mapValues { try box.open($0) }
                let origin = OriginSecrets.restore(stored.source.origin, secrets: secrets)
                let imported = try await importer.importImage(origin: origin, override: image.source.override, sourceName: stored.source.name)
                try await setImage(hub: hub, id: id) { image in
                    image.digest = imported.id
                    image.state = CycleState(current: "live", changed: CycleTime.now())
                    image.events.updated = CycleTime.now()
                }
                return ["id": .string(id), "digest": .string(imported.id)]
            } catch {
                let message = (error as? BerthError)?.message ?? "the import failed: \(error)"
                try await setImage(hub: hub, id: id) { image in
                    let now = CycleTime.now()
                    image.state = CycleState(current: "new", changed: now, error: CycleStateError(message: message, time: now))
                }
                throw error
            }
        }
    }

    func setImage(hub: String, id: String, _ body: (inout CycleImage) -> Void) async throws {
        guard try await store.modifyValue(CycleImage.self, kind: Self.imageKind, key: Self.key(hub: hub, id: id),
                                          index: { [IndexEntry("source", $0.source.details.id)] }, body) != nil else {
            throw BerthError.notFound("image \(id) was removed during its import")
        }
    }

    // MARK: Jobs

    /// A Cycle job of this hub; jobs of other hubs and Berth's own jobs are not found.
    public func job(hub: String, id: String) async throws -> Job {
        guard let job = try await jobs.get(id: id), [Self.deleteJobType, Self.importJobType].contains(job.type),
              job.payload["hub_id"]?.stringValue == hub else {
            throw BerthError.notFound("no job with id \(id) in this hub")
        }
        return job
    }
}
