import BerthModel
import BerthStore
import Synchronization

/// The OpenShift image API's resources over the shared catalogue and store, and the import
/// controller that keeps DockerImage tags current.
public struct ImageStreamService: Sendable {
    public let imageGroup: [any ResourceEndpoint]
    public let secrets: SecretEndpoint
    let streams: StoredResource<ImageStreamStrategy>
    let importer: StreamImporter
    let configuration: ImageStreamConfiguration
    /// When each stream's scheduled tags were last imported by this process.
    let scheduled = ScheduledImports()

    public static let reconcileJobType = "imagestream.reconcile"

    public init(store: any ObjectStore, images: ImageService, box: SecretBox, configuration: ImageStreamConfiguration = ImageStreamConfiguration()) {
        self.configuration = configuration
        let resolver = TagResolver(streams: StreamReader(store: store), internalRegistryHost: configuration.internalRegistryHost)
        let streams = StoredResource(
            descriptor: ResourceDescriptor(group: ImageAPI.group, name: "imagestreams", kind: "ImageStream", namespaced: true, verbs: ResourceDescriptor.allVerbs,
                                           mergeKeys: ["spec.tags": "name", "status.tags": "tag"]),
            strategy: ImageStreamStrategy(configuration: configuration, resolver: resolver), store: store, table: ImageStreamTable.table,
            selectableFields: ["spec.dockerImageRepository", "status.dockerImageRepository"])
        let status = StoredResource(
            descriptor: ResourceDescriptor(group: ImageAPI.group, name: "imagestreams/status", kind: "ImageStream", namespaced: true, verbs: ["get", "patch", "update"],
                                           mergeKeys: ["spec.tags": "name", "status.tags": "tag"]),
            strategy: ImageStreamStatusStrategy(configuration: configuration), store: store, table: ImageStreamTable.table)
        let catalog = OpenShiftImageEndpoint(store: store, images: images)
        let secrets = SecretEndpoint(store: store, box: box)
        let importer = StreamImporter(streams: streams, images: images, pullSecrets: PullSecretResolver(secrets: secrets), configuration: configuration)
        let layers = ImageStreamLayersEndpoint(streams: streams, images: catalog)
        let streamTags = ImageStreamTagEndpoint(streams: streams, images: catalog)
        self.streams = streams
        self.importer = importer
        self.secrets = secrets
        self.imageGroup = [
            catalog,
            ImageSignatureEndpoint(images: catalog, service: images),
            ImageStreamImageEndpoint(layers: layers, images: catalog),
            ImageStreamImportEndpoint(importer: importer),
            ImageStreamMappingEndpoint(streams: streams, images: catalog, configuration: configuration),
            streams,
            layers,
            ImageStreamSecretsEndpoint(secrets: secrets),
            status,
            streamTags,
            ImageTagEndpoint(streams: streams, images: catalog, streamTags: streamTags),
        ]
    }

    /// The job that runs one import-controller pass; its result counts the streams imported.
    public func reconcileJobHandler() -> JobHandler {
        let service = self
        return { _ in
            var last = service.scheduled.snapshot()
            let imported = try await service.reconcileImports(lastScheduled: &last)
            service.scheduled.replace(last)
            return ["imported": .number(Double(imported))]
        }
    }

    /// One pass of the import controller (openshift-controller-manager's predicates): a
    /// stream never checked, a tag whose spec generation is ahead of what was imported, or a
    /// scheduled tag whose interval has passed gets an ImageStreamImport with `import: true`.
    /// Returns how many streams were imported.
    @discardableResult
    public func reconcileImports(now: ContinuousClock.Instant = .now, lastScheduled: inout [String: ContinuousClock.Instant]) async throws -> Int {
        var imported = 0
        for stream in try await streams.listObjects(namespace: nil).items {
            let key = "\(stream.metadata.namespace ?? "")/\(stream.metadata.name ?? "")"
            let importable = (stream.spec.tags ?? []).filter { $0.from?.kind == "DockerImage" && $0.reference != true && !($0.from?.name ?? "").isEmpty }
            guard !importable.isEmpty else { continue }
            let unchecked = stream.metadata.annotations?["openshift.io/image.dockerRepositoryCheck"] == nil
            let scheduledDue = lastScheduled[key].map { now - $0 >= configuration.scheduledImportInterval } ?? true
            let wanted = importable.filter { tag in
                if unchecked { return true }
                if let generation = tag.generation, generation > Self.observedGeneration(stream, tag: tag.name) { return true }
                if tag.importPolicy.scheduled == true && scheduledDue {
                    let pinnedDone = (try? PullSpec.parse(tag.from?.name ?? ""))?.digest != nil && TagHistory.latest(stream, tag: tag.name) != nil
                    return !pinnedDone
                }
                return false
            }
            if importable.contains(where: { $0.importPolicy.scheduled == true }) && scheduledDue { lastScheduled[key] = now }
            guard !wanted.isEmpty else { continue }
            var request = ImageStreamImport()
            request.metadata = ObjectMeta(name: stream.metadata.name, namespace: stream.metadata.namespace)
            request.metadata.uid = stream.metadata.uid
            request.spec.import = true
            request.spec.images = wanted.map { tag in
                var spec = ImageImportSpec(from: ObjectReference(kind: "DockerImage", name: tag.from?.name))
                spec.to = LocalObjectReference(name: tag.name)
                spec.importPolicy = tag.importPolicy
                spec.referencePolicy = tag.referencePolicy
                return spec
            }
            do {
                _ = try await importer.run(request, namespace: stream.metadata.namespace ?? "", dryRun: false)
                imported += 1
            } catch let error as KubeStatusError where error.code == 409 || error.code == 404 {
                continue
            }
        }
        return imported
    }

    /// The generation an import last acted on: the head event's, or a failure condition's.
    static func observedGeneration(_ stream: ImageStream, tag: String) -> Int64 {
        let list = stream.status.tags?.first { $0.tag == tag }
        return max(list?.items?.first?.generation ?? 0, list?.conditions?.first { $0.type == "ImportSuccess" }?.generation ?? 0)
    }
}
