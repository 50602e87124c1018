import BerthModel
import BerthReference
import BerthRegistry
import Foundation

/// `POST imagestreamimports`, step by step as openshift-apiserver does it: look every image
/// up through the registry engine with the namespace's pull secrets and the image
/// integrations, report per-image results as statuses (a registry failure never fails the
/// request), and with `spec.import` record the images in the catalogue and the tags on the
/// stream in one compare-and-swap write.
struct StreamImporter: Sendable {
    let streams: StoredResource<ImageStreamStrategy>
    let images: ImageService
    let pullSecrets: PullSecretResolver
    let configuration: ImageStreamConfiguration

    func run(_ input: ImageStreamImport, namespace: String, dryRun: Bool) async throws -> ImageStreamImport {
        var request = Self.defaulted(input)
        request.metadata.namespace = namespace
        let name = request.metadata.name ?? ""
        let causes = Self.validate(request, namespace: namespace)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageStreamImport", group: ImageAPI.group, name: name, causes: causes) }

        let existing = try await streams.read(namespace: namespace, name: name)
        if let (stream, version) = existing {
            if let wanted = request.metadata.resourceVersion, !wanted.isEmpty, wanted != String(version) {
                throw KubeStatusError.conflict("imagestream", group: ImageAPI.group, name: name, "the image stream was updated from \"\(wanted)\" to \"\(version)\"")
            }
            if let uid = request.metadata.uid, !uid.isEmpty, uid != stream.metadata.uid {
                throw KubeStatusError.notFound("imagestreams", group: ImageAPI.group, name: name)
            }
        } else if !(request.metadata.resourceVersion ?? "").isEmpty || !(request.metadata.uid ?? "").isEmpty {
            throw KubeStatusError.notFound("imagestreams", group: ImageAPI.group, name: name)
        }

        var status = ImageStreamImportStatus()
        var outcomes: [Int: ImportOutcome] = [:]
        var cache: [String: Result<ImportOutcome, ImportFailureStatus>] = [:]
        if let specs = request.spec.images {
            var results: [ImageImportStatus] = []
            for (index, spec) in specs.enumerated() {
                let preference = preferredPlatform(existing?.0, tag: spec.to?.name ?? PullSpecTag.of(spec.from.name ?? ""))
                let key = "\(spec.from.name ?? "")|\(spec.importPolicy.importMode ?? "")|\(preference?.description ?? "")|\(spec.importPolicy.insecure ?? false)"
                let result: Result<ImportOutcome, ImportFailureStatus>
                if let cached = cache[key] {
                    result = cached
                } else {
                    result = await importImage(spec.from.name ?? "", namespace: namespace, policy: spec.importPolicy, platform: preference)
                    cache[key] = result
                }
                switch result {
                case .success(let outcome):
                    outcomes[index] = outcome
                    var entry = ImageImportStatus(status: .success, image: outcome.image, tag: (try? PullSpec.parse(spec.from.name ?? ""))?.tag)
                    if !outcome.children.isEmpty { entry.manifests = outcome.children.map(\.image) }
                    results.append(entry)
                case .failure(let failure):
                    results.append(ImageImportStatus(status: failure.status))
                }
            }
            status.images = results
        }
        var repositoryOutcomes: [(String, Result<ImportOutcome, ImportFailureStatus>)] = []
        var repositorySource = ""
        if let repository = request.spec.repository {
            repositorySource = repository.from.name ?? ""
            let (repoStatus, tagged) = await importRepository(repository, namespace: namespace)
            status.repository = repoStatus
            repositoryOutcomes = tagged
        }

        guard request.spec.import else {
            request.status = Self.stripped(status, keepManifests: request.spec.images?.contains { $0.includeManifest == true } ?? false)
            return request
        }
        let stream = try await record(request, existing: existing, outcomes: outcomes, statuses: status.images ?? [],
                                      repository: repositorySource, repositoryOutcomes: repositoryOutcomes, repositorySpec: request.spec.repository,
                                      dryRun: dryRun)
        var result = request
        status.import = stream
        result.status = status
        return result
    }

    /// Decode-time defaults: `to` from the source tag, reference policy Source, import mode Legacy.
    static func defaulted(_ input: ImageStreamImport) -> ImageStreamImport {
        var request = input
        request.status = ImageStreamImportStatus()
        request.spec.images = request.spec.images?.map { spec in
            var spec = spec
            if spec.to == nil, let tag = (try? PullSpec.parse(spec.from.name ?? ""))?.tag { spec.to = LocalObjectReference(name: tag) }
            if spec.referencePolicy.type.isEmpty { spec.referencePolicy.type = TagReferencePolicy.source }
            if (spec.importPolicy.importMode ?? "").isEmpty { spec.importPolicy.importMode = TagImportPolicy.legacy }
            return spec
        }
        if var repository = request.spec.repository {
            if repository.referencePolicy.type.isEmpty { repository.referencePolicy.type = TagReferencePolicy.source }
            if (repository.importPolicy.importMode ?? "").isEmpty { repository.importPolicy.importMode = TagImportPolicy.legacy }
            request.spec.repository = repository
        }
        return request
    }

    static func validate(_ request: ImageStreamImport, namespace: String) -> [KubeStatusCause] {
        var causes = ImageStreamValidation.streamName(request.metadata.name ?? "", namespace: namespace)
        let images = request.spec.images ?? []
        for (index, spec) in images.enumerated() {
            let field = "spec.images[\(index)]"
            if spec.from.kind != "DockerImage" {
                causes.append(.invalid("\(field).from.kind", spec.from.kind ?? "", "only DockerImage is supported"))
            }
            let name = spec.from.name ?? ""
            if name.isEmpty {
                causes.append(.required("\(field).from.name"))
            } else if let problem = PullSpec.problem(name) {
                causes.append(.invalid("\(field).from.name", name, problem))
            }
            if let to = spec.to, (to.name ?? "").isEmpty { causes.append(.required("\(field).to.name")) }
            causes += ImageStreamValidation.importMode(spec.importPolicy, field: "\(field).importPolicy.importMode")
        }
        if let repository = request.spec.repository {
            let name = repository.from.name ?? ""
            if repository.from.kind != "DockerImage" {
                causes.append(.invalid("spec.repository.from.kind", repository.from.kind ?? "", "only DockerImage is supported"))
            }
            if name.isEmpty {
                causes.append(.required("spec.repository.from.name"))
            } else {
                if let problem = PullSpec.problem(name) {
                    causes.append(.invalid("spec.repository.from.name", name, problem))
                } else if let spec = try? PullSpec.parse(name), spec.tag != nil || spec.digest != nil {
                    causes.append(.invalid("spec.repository.from.name", name, "you must specify an image repository, not a tag or ID"))
                }
            }
            causes += ImageStreamValidation.importMode(repository.importPolicy, field: "spec.repository.importPolicy.importMode")
        }
        if images.isEmpty && request.spec.repository == nil {
            causes.append(.invalid("spec.images", "", "you must specify at least one image or a repository import"))
        }
        return causes
    }

    /// The arch/os to pick from a manifest list under Legacy: the target tag's
    /// `importer.image.openshift.io/prefer-arch|prefer-os` annotations, else the server's.
    func preferredPlatform(_ stream: ImageStream?, tag: String?) -> Platform? {
        guard let tag, let annotations = stream?.spec.tags?.first(where: { $0.name == tag })?.annotations else { return nil }
        let arch = annotations["importer.image.openshift.io/prefer-arch"]
        let os = annotations["importer.image.openshift.io/prefer-os"]
        guard arch != nil || os != nil else { return nil }
        return Platform(os: os ?? "linux", architecture: arch ?? "amd64")
    }

    func importImage(_ text: String, namespace: String, policy: TagImportPolicy, platform: Platform?) async -> Result<ImportOutcome, ImportFailureStatus> {
        let spec: PullSpec
        let reference: ImageReference
        do {
            spec = try PullSpec.parse(text)
            reference = try ImageReference.parse(text)
        } catch {
            return .failure(ImportFailureStatus(code: 422, reason: "Invalid", message: "\(text): invalid name: \(error)"))
        }
        do {
            let secrets = try await pullSecrets.access(namespace: namespace, for: reference)
            let preserve = policy.importMode == TagImportPolicy.preserveOriginal
            let fetched = try await images.fetchForImport(reference, pullSecrets: secrets, insecure: policy.insecure ?? false, platform: platform)
            switch fetched {
            case .failure(let failure):
                return .failure(ImportFailureStatus.from(failure, reference: text, hadCredentials: !secrets.isEmpty))
            case .success(let image):
                var outcome = Self.outcome(image, spec: spec, reference: reference, preserveList: preserve)
                if preserve, let index = image.index {
                    for child in index.manifests {
                        var childReference = reference
                        childReference.tag = nil
                        childReference.digest = try? Digest.parse(child.digest)
                        guard childReference.digest != nil,
                              case .success(let fetchedChild) = try await images.fetchForImport(childReference, pullSecrets: secrets, insecure: policy.insecure ?? false, platform: nil)
                        else {
                            return .failure(ImportFailureStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(text): the list child \(child.digest) could not be fetched"))
                        }
                        outcome.children.append(Self.outcome(fetchedChild, spec: spec, reference: childReference, preserveList: false))
                    }
                }
                return .success(outcome)
            }
        } catch {
            return .failure(ImportFailureStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(text): \(error)"))
        }
    }

    /// The Image an import reports: named by the platform manifest's digest under Legacy, by
    /// the list's under PreserveOriginal; the pull spec keeps the user's spelling.
    static func outcome(_ fetched: FetchedImage, spec: PullSpec, reference: ImageReference, preserveList: Bool) -> ImportOutcome {
        let asList = preserveList && fetched.index != nil
        let digest = asList ? fetched.digest : fetched.platformManifestDigest
        var record = OpenShiftImageRecord(uid: KubeNames.uid(), creationTimestamp: KubeTime.now())
        record.dockerImageReference = spec.pinned(to: digest)
        if asList, let index = fetched.index {
            record.manifestMediaType = fetched.mediaType
            record.manifests = index.manifests.map {
                ImageManifestReference(digest: $0.digest, mediaType: $0.mediaType ?? "", manifestSize: $0.size,
                                       architecture: $0.platform?.architecture ?? "", os: $0.platform?.os ?? "", variant: $0.platform?.variant)
            }
            record.dockerImageMetadata = ["kind": "DockerImage", "apiVersion": "image.openshift.io/1.0", "Id": .string(digest),
                                          "Created": .string(KubeTime.now()), "ContainerConfig": [:]]
        } else {
            record.manifestMediaType = fetched.manifestMediaType
            record.layers = fetched.manifest.layers.map { OpenShiftImageLayer(name: $0.digest, size: $0.size, mediaType: $0.mediaType ?? "") }
            var unique: [String: Int64] = [:]
            for layer in fetched.manifest.layers { unique[layer.digest] = layer.size }
            let size = Int64(fetched.configSize) + unique.values.reduce(0, +)
            record.dockerImageMetadata = OpenShiftImageView.metadata(from: fetched.config, configDigest: fetched.manifest.config.digest, size: size)
        }
        var name = ImageName()
        name.registry = reference.registry
        name.remote = reference.repository
        name.tag = reference.tag ?? ""
        name.fullName = reference.fullName
        var catalogImage = Image()
        catalogImage.id = digest
        catalogImage.name = name
        catalogImage.metadata = fetched.metadata
        catalogImage.openShift = record
        var view = OpenShiftImageView.make(catalogImage, version: 0)
        view.metadata.resourceVersion = nil
        return ImportOutcome(image: view, fetched: fetched, record: record, name: name, digest: digest)
    }

    /// `spec.repository`: every tag upstream, `latest` and versions first, up to the limit.
    func importRepository(_ spec: RepositoryImportSpec, namespace: String) async -> (RepositoryImportStatus, [(String, Result<ImportOutcome, ImportFailureStatus>)]) {
        let text = spec.from.name ?? ""
        guard let reference = try? ImageReference.parse(text) else {
            return (RepositoryImportStatus(status: ImportFailureStatus(code: 422, reason: "Invalid", message: "\(text): invalid name").status), [])
        }
        let tags: [String]
        do {
            let secrets = try await pullSecrets.access(namespace: namespace, for: reference)
            switch try await images.tagsForImport(reference, pullSecrets: secrets) {
            case .success(let found): tags = found
            case .failure(let failure):
                return (RepositoryImportStatus(status: ImportFailureStatus.from(failure, reference: text, hadCredentials: !secrets.isEmpty).status), [])
            }
        } catch {
            return (RepositoryImportStatus(status: ImportFailureStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(text): \(error)").status), [])
        }
        let ordered = TagPriority.sorted(tags)
        let limit = configuration.maxImagesPerRepositoryImport
        let chosen = limit < 0 ? ordered : Array(ordered.prefix(limit))
        var results: [(String, Result<ImportOutcome, ImportFailureStatus>)] = []
        var statuses: [ImageImportStatus] = []
        for tag in chosen {
            let result = await importImage("\(text):\(tag)", namespace: namespace, policy: spec.importPolicy, platform: nil)
            results.append((tag, result))
            switch result {
            case .success(let outcome): statuses.append(ImageImportStatus(status: .success, image: outcome.image, tag: tag))
            case .failure(let failure): statuses.append(ImageImportStatus(status: failure.status, tag: tag))
            }
        }
        let failed = statuses.filter { !$0.status.isSuccess }.count
        var status = RepositoryImportStatus(status: failed == 0 ? .success : EmbeddedStatus(
            status: "Failure", message: failed == 1 ? "one of the images from this repository failed to import" : "\(failed) of the images from this repository failed to import",
            reason: "ImportFailed", code: 500))
        status.images = statuses
        if chosen.count < ordered.count { status.additionalTags = Array(ordered.dropFirst(chosen.count)) }
        return (status, results)
    }

    static func stripped(_ status: ImageStreamImportStatus, keepManifests: Bool) -> ImageStreamImportStatus {
        guard !keepManifests else { return status }
        var status = status
        status.images = status.images?.map { entry in
            var entry = entry
            entry.image?.dockerImageManifest = nil
            entry.image?.dockerImageConfig = nil
            return entry
        }
        return status
    }

    /// Records results on the stream: tag events for what was found, ImportSuccess=False
    /// conditions for what was not; images go into the catalogue first, then the stream is
    /// written once, checked against the version it was read at.
    func record(_ request: ImageStreamImport, existing: (ImageStream, Int64)?, outcomes: [Int: ImportOutcome], statuses: [ImageImportStatus],
                repository: String, repositoryOutcomes: [(String, Result<ImportOutcome, ImportFailureStatus>)], repositorySpec: RepositoryImportSpec?,
                dryRun: Bool) async throws -> ImageStream {
        let namespace = request.metadata.namespace ?? ""
        let name = request.metadata.name ?? ""
        let now = KubeTime.now()
        var stream = existing?.0 ?? {
            var fresh = ImageStream()
            fresh.metadata = ObjectMeta(name: name, namespace: namespace)
            return fresh
        }()
        let original = stream
        let nextGeneration = (existing?.0.metadata.generation ?? 0) + 1
        var toStore: [ImportOutcome] = []

        func apply(tag: String, from: String, result: Result<ImportOutcome, ImportFailureStatus>, importPolicy: TagImportPolicy, referencePolicy: TagReferencePolicy) {
            var tags = stream.spec.tags ?? []
            let specIndex = tags.firstIndex { $0.name == tag }
            switch result {
            case .failure(let failure):
                let set = TagHistory.setImportFailure(tag: tag, reason: failure.status.reason, message: failure.status.message ?? "unknown error prevented import",
                                                      generation: nextGeneration, now: now, on: &stream)
                tags = stream.spec.tags ?? []
                if let specIndex {
                    if set { tags[specIndex].generation = 0 }
                } else {
                    var reference = TagReference(name: tag)
                    reference.from = ObjectReference(kind: "DockerImage", name: from)
                    reference.generation = 0
                    reference.importPolicy = importPolicy
                    reference.referencePolicy = referencePolicy
                    tags.append(reference)
                }
            case .success(let outcome):
                toStore.append(outcome)
                let event = TagEvent(created: now, dockerImageReference: outcome.image.dockerImageReference ?? "", image: outcome.digest, generation: nextGeneration)
                let head = TagHistory.latest(stream, tag: tag)
                let specGeneration = specIndex.flatMap { tags[$0].generation } ?? 0
                let changed = head == nil || head?.dockerImageReference != event.dockerImageReference || head?.image != event.image
                    || specGeneration > (head?.generation ?? 0)
                if changed {
                    var reference = specIndex.map { tags[$0] } ?? TagReference(name: tag)
                    reference.from = ObjectReference(kind: "DockerImage", name: from)
                    reference.generation = 0
                    if reference.referencePolicy.type.isEmpty { reference.referencePolicy = referencePolicy }
                    if let specIndex { tags[specIndex] = reference } else { tags.append(reference) }
                    stream.spec.tags = tags
                    TagHistory.add(event, tag: tag, to: &stream)
                    tags = stream.spec.tags ?? []
                }
                if let index = tags.firstIndex(where: { $0.name == tag }) { tags[index].importPolicy = importPolicy }
                if var lists = stream.status.tags, let index = lists.firstIndex(where: { $0.tag == tag }) {
                    lists[index].conditions = nil
                    stream.status.tags = lists
                }
            }
            stream.spec.tags = tags.sorted { $0.name < $1.name }
        }

        for (index, spec) in (request.spec.images ?? []).enumerated() {
            guard let tag = spec.to?.name, !tag.isEmpty else {
                if let outcome = outcomes[index] { toStore.append(outcome) }
                continue
            }
            let result: Result<ImportOutcome, ImportFailureStatus> = outcomes[index].map { .success($0) }
                ?? .failure(ImportFailureStatus(embedded: statuses[index].status))
            apply(tag: tag, from: spec.from.name ?? "", result: result, importPolicy: spec.importPolicy, referencePolicy: spec.referencePolicy)
        }
        if let repositorySpec {
            for (tag, result) in repositoryOutcomes {
                apply(tag: tag, from: "\(repository):\(tag)", result: result, importPolicy: repositorySpec.importPolicy, referencePolicy: repositorySpec.referencePolicy)
            }
        }
        guard !dryRun else { return stream }
        for outcome in toStore {
            for child in outcome.children {
                _ = try await images.recordImport(child.fetched, name: child.name, digest: child.digest, record: child.record)
            }
            _ = try await images.recordImport(outcome.fetched, name: outcome.name, digest: outcome.digest, record: outcome.record)
        }
        if let (_, version) = existing {
            if stream.metadata.annotations?["openshift.io/image.dockerRepositoryCheck"] != nil && stream == original {
                return original
            }
            var annotations = stream.metadata.annotations ?? [:]
            annotations["openshift.io/image.dockerRepositoryCheck"] = now
            stream.metadata.annotations = annotations
            let generation = stream.spec != original.spec ? nextGeneration : (original.metadata.generation ?? 1)
            stream.metadata.generation = generation
            stream.spec.tags = stream.spec.tags?.map { tag in
                var tag = tag
                if (tag.generation ?? 0) == 0 { tag.generation = generation }
                return tag
            }
            TagHistory.collapse(&stream)
            return try await streams.replaceObject(stream, namespace: namespace, name: name, expectedVersion: version)
        }
        var annotations = stream.metadata.annotations ?? [:]
        annotations["openshift.io/image.dockerRepositoryCheck"] = now
        stream.metadata.annotations = annotations
        stream.metadata.uid = KubeNames.uid()
        stream.metadata.creationTimestamp = now
        stream.metadata.generation = 1
        stream.spec.tags = stream.spec.tags?.map { tag in
            var tag = tag
            tag.generation = 1
            return tag
        }
        TagHistory.collapse(&stream)
        return try await streams.insertObject(stream)
    }
}
