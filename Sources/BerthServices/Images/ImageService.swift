import BerthModel
import BerthReference
import BerthRegistry
import BerthSearch
import BerthStore
import Foundation

/// The image catalogue: images keyed by manifest digest, learnt from registries.
///
/// A scan is a persisted job (`image.scan`), deduplicated per image name, so a burst of scans
/// of one image fetches it once, the number of fetches in flight is the job runner's bound,
/// and a restart loses no queued scan. Scans are served from a TTL cache unless forced.
/// Nothing is stored until the whole fetch succeeded.
public struct ImageService: Sendable {
    static let kind = "image"
    static let watchedKind = "watchedimage"
    public static let scanJobType = "image.scan"
    let store: any ObjectStore
    let resolver: RegistryAccessResolver
    let policy: EndpointPolicy
    let fetcher: ImageMetadataFetcher
    private let cache: ScanCache
    private let jobs: JobQueue
    private let scanner: ImageContentScanner
    let signing: ImageSigning

    public init(store: any ObjectStore, integrations: ImageIntegrationService, policy: EndpointPolicy, configuration: ImageServiceConfiguration, jobs: JobQueue,
        vulnerabilities: VulnerabilityDatabase? = nil
    ) {
        self.store = store
        self.resolver = RegistryAccessResolver(integrations: integrations, authFile: configuration.authFile)
        self.policy = policy
        self.fetcher = ImageMetadataFetcher(platform: configuration.platform)
        self.cache = ScanCache(ttl: configuration.cacheTTL)
        self.jobs = jobs
        self.scanner = ImageContentScanner(store: store, database: vulnerabilities ?? VulnerabilityDatabase(store: store))
        self.signing = ImageSigning(integrations: SignatureIntegrationService(store: store))
    }

    // MARK: Scan

    /// `POST /v1/images/scan`: fetch the image's manifest and config and store it.
    public func scan(imageName: String, force: Bool) async throws -> Image {
        let trimmed = imageName.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw BerthError.invalid("image name must be specified: invalid arguments") }
        let reference = try Self.parse(trimmed)
        if let violation = policy.violation(reference.registry) {
            throw BerthError.invalid("image enrichment error: \(violation): invalid arguments")
        }
        let name = reference.fullName
        if !force, let id = await cache.lookup(name), let (image, _) = try await store.getValue(Image.self, kind: Self.kind, key: id) {
            return image
        }
        let result = try await jobs.run(type: Self.scanJobType, payload: .object(["imageName": .string(trimmed)]), dedupeKey: "scan:" + name)
        guard let id = result["id"]?.stringValue, let (image, _) = try await store.getValue(Image.self, kind: Self.kind, key: id) else {
            throw BerthError.notFound("image scanned from \(name) was deleted before it could be returned: not found")
        }
        await cache.remember(name, id: id)
        return image
    }

    /// The `image.scan` job: re-validates the name (the job may come from an older process)
    /// and fetches, scans and stores the image; the result is the image id.
    public func scanJobHandler() -> JobHandler {
        let resolver = self.resolver, fetcher = self.fetcher, store = self.store, scanner = self.scanner, signing = self.signing
        return { job in
            guard let imageName = job.payload["imageName"]?.stringValue else {
                throw BerthError.invalid("scan job \(job.id) has no imageName")
            }
            let reference = try Self.parse(imageName)
            let image = try await Self.fetchAndStore(reference, resolver: resolver, fetcher: fetcher, scanner: scanner, signing: signing, store: store)
            return .object(["id": .string(image.id)])
        }
    }

    /// Scans in this task, without the job queue: for `berth scan`, which has no server and
    /// no queue worth persisting.
    public func scanDirectly(imageName: String) async throws -> Image {
        let reference = try Self.parse(imageName.trimmingCharacters(in: .whitespaces))
        if let violation = policy.violation(reference.registry) {
            throw BerthError.invalid("image enrichment error: \(violation): invalid arguments")
        }
        return try await Self.fetchAndStore(reference, resolver: resolver, fetcher: fetcher, scanner: scanner, signing: signing, store: store)
    }

    /// Scans an image from an OCI layout directory (`berth scan oci:PATH[:tag]`).
    public func scanLayout(path: String, tag: String) async throws -> Image {
        let layout: OCILayout
        do {
            layout = try OCILayout(path: path)
        } catch {
            throw BerthError.invalid("image scan error: \(error.description)")
        }
        var source = DataSource()
        source.name = "oci layout"
        let fetched: FetchedImage
        do {
            fetched = try await fetcher.fetch(reference: tag, source: layout, dataSource: source)
        } catch {
            if case .notFound = error { throw BerthError(.notFound, "image scan error: \(error.description)") }
            throw BerthError(.failedPrecondition, "image scan error: \(error.description)")
        }
        let scan = try await scanner.scan(fetched, source: layout)
        var name = ImageName()
        name.remote = path
        name.tag = tag
        name.fullName = "oci:\(path)" + (tag.isEmpty ? "" : ":\(tag)")
        return try await Self.record(fetched, scan: scan, name: name, id: fetched.digest, store: store)
    }

    static func parse(_ text: String) throws -> ImageReference {
        do {
            return try ImageReference.parse(text)
        } catch {
            throw BerthError.invalid("error parsing image name: \(error.message): invalid arguments")
        }
    }

    private static func fetchAndStore(
        _ reference: ImageReference, resolver: RegistryAccessResolver, fetcher: ImageMetadataFetcher,
        scanner: ImageContentScanner, signing: ImageSigning, store: any ObjectStore
    ) async throws -> Image {
        let candidates = try await resolver.candidates(forRegistry: reference.registry)
        var failures: [RegistryError] = []
        var fetched: FetchedImage?
        var source: RepositorySource?
        for access in candidates {
            let client = RegistryClient(endpoint: access.endpoint, credentials: access.credentials)
            let candidate = RepositorySource(client: client, repository: reference.repository)
            do {
                fetched = try await fetcher.fetch(
                    reference: reference.digest?.string ?? reference.tag ?? "latest", source: candidate, dataSource: access.dataSource
                )
                source = candidate
                break
            } catch {
                failures.append(error)
            }
        }
        guard let fetched, let source else { throw enrichmentError(reference, failures) }
        // Layers are read before anything is stored: a layer that cannot be read fails the
        // whole scan and the catalogue keeps what it had.
        let scan = try await scanner.scan(fetched, source: source)

        var imageName = ImageName()
        imageName.registry = reference.registry
        imageName.remote = reference.repository
        imageName.tag = reference.tag ?? (reference.digest == nil ? "latest" : "")
        imageName.fullName = reference.fullName
        // Cosign signs the digest the user named: the index's for a multi-platform tag.
        let id = reference.digest?.string ?? fetched.digest
        // Verified references are judged over all of the image's names, as StackRox does, so a
        // scan under a second name keeps what a signature for the first name covered.
        var names = (try? await store.getValue(Image.self, kind: kind, key: id))?.0.names.map(\.fullName) ?? []
        if !names.contains(reference.fullName) { names.append(reference.fullName) }
        let signed = await signing.evaluate(client: source.client, repository: source.repository, digest: id, names: names)
        return try await record(fetched, scan: scan, name: imageName, id: id, store: store, signing: signed)
    }

    /// Stores what a scan learnt. Compare-and-swap so two scans of different names for one
    /// digest both keep their name.
    private static func record(_ fetched: FetchedImage, scan: ImageScan, name: ImageName, id: String, store: any ObjectStore,
                               signing: ImageSigning.Outcome? = nil) async throws -> Image {
        while true {
            let existing = try await store.getValue(Image.self, kind: kind, key: id)
            var image = existing?.0 ?? Image()
            image.id = id
            image.name = name
            if !image.names.contains(name) { image.names.append(name) }
            image.metadata = fetched.metadata
            apply(scan, to: &image)
            if let signing {
                image.signature = signing.signature
                image.signatureVerificationData = signing.verification
                image.verifiedSignatures = signing.verified
            }
            image.lastUpdated = Timestamps.format(Date())
            image.notes = notes(for: image)
            image.riskScore = ImageRisk.score(image)
            image.priority = "0"
            do {
                if let existing {
                    try await store.update(kind: kind, key: id, body: try StoreCoding.encode(image), index: index(image), expectedVersion: existing.1.resourceVersion)
                } else {
                    try await store.create(kind: kind, key: id, body: try StoreCoding.encode(image), index: index(image))
                }
                return image
            } catch let error as BerthError where error.code == .conflict || error.code == .alreadyExists {
                continue
            }
        }
    }

    /// The scan and the counts StackRox derives from it.
    static func apply(_ scan: ImageScan, to image: inout Image) {
        image.scan = scan
        let vulnerabilities = scan.components.flatMap(\.vulns)
        image.components = Int32(scan.components.count)
        image.cves = Int32(Set(vulnerabilities.map(\.cve)).count)
        image.fixableCves = Int32(Set(vulnerabilities.filter { $0.fixedBy != nil }.map(\.cve)).count)
        image.topCvss = vulnerabilities.isEmpty ? nil : vulnerabilities.map(\.cvss).max()
    }

    static func notes(for image: Image) -> [String] {
        var notes: [ImageNote] = []
        if image.metadata == nil { notes.append(.missingMetadata) }
        if image.scan == nil { notes.append(.missingScanData) }
        if (image.signature?["signatures"]?.arrayValue ?? []).isEmpty { notes.append(.missingSignature) }
        if image.signatureVerificationData == nil { notes.append(.missingSignatureVerificationData) }
        return notes.map(\.rawValue)
    }

    static let signedIndex = "signed"

    static func index(_ image: Image) -> [IndexEntry] {
        var entries = image.names.flatMap { [IndexEntry("registry", $0.registry), IndexEntry("remote", $0.remote), IndexEntry("fullName", $0.fullName)] }
        entries.append(IndexEntry("risk", String(image.riskScore)))
        let components = image.scan?.components ?? []
        entries += Set(components.map { $0.name.lowercased() }).sorted().map { IndexEntry("component", $0) }
        let vulnerabilities = components.flatMap(\.vulns)
        entries += Set(vulnerabilities.map { $0.cve.lowercased() }).sorted().map { IndexEntry("cve", $0) }
        entries += Set(vulnerabilities.map(\.severity)).sorted().map { IndexEntry("severity", $0) }
        // What re-verification reads when an integration changes: only images with signatures.
        if !(image.signature?["signatures"]?.arrayValue ?? []).isEmpty { entries.append(IndexEntry(signedIndex, "true")) }
        return entries
    }

    /// The caller can act on the registry's answer: the status says who must act.
    static func enrichmentError(_ reference: ImageReference, _ failures: [RegistryError]) -> BerthError {
        let detail = failures.map(\.description).joined(separator: "; ")
        let message = "image enrichment error: error getting metadata for image: \(reference.fullName): \(detail)"
        let code: BerthError.Code = switch failures.last {
        case .notFound: .notFound
        case .unreachable, .unexpectedStatus: .unavailable
        default: .failedPrecondition
        }
        return BerthError(code, message)
    }

    public func invalidateCache() async {
        await cache.removeAll()
    }

    // MARK: Reads

    /// StackRox normalises a bare hex id to `sha256:<hex>`.
    public static func normalizedID(_ id: String) -> String {
        id.contains(":") ? id : "sha256:" + id
    }

    public func get(id: String) async throws -> Image {
        guard !id.isEmpty else { throw BerthError.invalid("id must be specified: invalid arguments") }
        guard var (image, _) = try await store.getValue(Image.self, kind: Self.kind, key: Self.normalizedID(id)) else {
            throw BerthError.notFound("image with id \"\(id)\" does not exist: not found")
        }
        image.priority = String(try await riskRanks().priority(of: image.riskScore))
        return image
    }

    /// Every image, priorities filled, in key order.
    public func all() async throws -> [Image] {
        try await search(SearchQuery())
    }

    /// The images a query matches, priorities filled, in key order. A clause on CVE,
    /// Component or Severity narrows the candidates through the store's index first, so
    /// such a query reads only the images that can match; the full query then decides.
    public func search(_ query: SearchQuery) async throws -> [Image] {
        let filters = Self.candidateFilters(query)
        let ranks = try await riskRanks()
        return try await store.listAll(kind: Self.kind, filters: filters).compactMap { object in
            var image = try StoreCoding.decode(Image.self, from: object.body)
            image.priority = String(ranks.priority(of: image.riskScore))
            return query.matches(SearchableImage(image)) ? image : nil
        }
    }

    /// Search fields the image index carries, with the index field that holds them.
    static let indexedSearchFields = ["CVE": "cve", "Component": "component", "Severity": "severity"]

    /// Index filters implied by the query: only clauses whose every predicate is a positive
    /// string or enum match can be narrowed (a negation or a regex needs every image).
    static func candidateFilters(_ query: SearchQuery) -> [IndexFilter] {
        query.clauses.compactMap { clause in
            guard let field = indexedSearchFields[clause.field.label] else { return nil }
            var prefixes: [String] = []
            var exact: [String] = []
            for predicate in clause.predicates {
                switch predicate {
                case .prefix(let value, negated: false), .exact(let value, negated: false):
                    prefixes.append(value.lowercased())
                case .enumeration(let values, negated: false):
                    exact += values.sorted()
                default:
                    return nil
                }
            }
            if !prefixes.isEmpty && !exact.isEmpty { return nil }
            return exact.isEmpty ? IndexFilter(field, prefixes: prefixes) : IndexFilter(field, exact)
        }
    }

    /// Priority is a dense rank among all images' risk scores; the distinct scores come from
    /// the index, so ranking never reads image bodies.
    private func riskRanks() async throws -> RiskRanks {
        let scores = try await store.indexCounts(kind: Self.kind, field: "risk").keys.compactMap(Double.init)
        return RiskRanks(scores: scores)
    }

    /// Pages through the catalogue without holding it whole: for the export stream.
    public func pages(pageSize: Int = 100) -> AsyncThrowingStream<[Image], Error> {
        let store = self.store
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var after: String?
                    repeat {
                        let page = try await store.list(kind: Self.kind, query: ListQuery(limit: pageSize, continueAfter: after))
                        continuation.yield(try page.items.map { try StoreCoding.decode(Image.self, from: $0.body) })
                        after = page.continueKey
                    } while after != nil && !Task.isCancelled
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Deletes these ids in one batch.
    public func delete(ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        try await store.commit(ids.map { .delete(kind: Self.kind, key: $0, expectedVersion: nil) })
    }

    // MARK: Watched images

    public struct WatchResult: Sendable, Equatable {
        public var normalizedName: String
        public var errorType: String
        public var errorMessage: String
    }

    public func watch(name: String) async throws -> WatchResult {
        func failure(_ type: String, _ message: String) -> WatchResult {
            WatchResult(normalizedName: "", errorType: type, errorMessage: message)
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return failure("INVALID_IMAGE_NAME", "no image name specified") }
        let reference: ImageReference
        do {
            reference = try ImageReference.parse(trimmed)
        } catch {
            return failure("INVALID_IMAGE_NAME", "failed to parse name: error parsing image name: \(error.message)")
        }
        if reference.digest != nil {
            return failure("INVALID_IMAGE_NAME", "name \(trimmed) contains a digest, but watch does not handle images with digests")
        }
        do {
            _ = try await scan(imageName: trimmed, force: true)
        } catch let error as BerthError {
            return failure("SCAN_FAILED", "failed to scan image: \(error.message)")
        }
        var watched = WatchedImage()
        watched.name = reference.fullName
        try await store.put(kind: Self.watchedKind, key: watched.name, body: try StoreCoding.encode(watched))
        return WatchResult(normalizedName: watched.name, errorType: "NO_ERROR", errorMessage: "")
    }

    /// Exact key, no normalisation, idempotent — as StackRox does it.
    public func unwatch(name: String) async throws {
        do {
            try await store.delete(kind: Self.watchedKind, key: name)
        } catch let error as BerthError where error.code == .notFound {}
    }

    public func watchedImages() async throws -> [WatchedImage] {
        try await store.listAll(kind: Self.watchedKind).map { try StoreCoding.decode(WatchedImage.self, from: $0.body) }
    }

    /// Re-scans every watched image; returns how many failed. The server runs it on an interval.
    @discardableResult
    public func rescanWatched() async throws -> Int {
        var failed = 0
        for watched in try await watchedImages() {
            do {
                _ = try await scan(imageName: watched.name, force: true)
            } catch {
                failed += 1
            }
        }
        return failed
    }
}
