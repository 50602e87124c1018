import BerthModel
import BerthReference
import BerthRegistry
import BerthStore
import Foundation

/// What the OpenShift importer needs from the catalogue: fetch without scanning (an import
/// records what the registry says; a scan is asked for separately), and record the result on
/// the one stored image, keeping whatever a scan already found for that digest.
extension ImageService {
    /// The registry's answer for one reference, or every failure in the order the
    /// credentials were tried: pull secrets first, then image integrations and the auth file.
    /// `serverCredentials: false` (Cycle sources) uses only the given credentials: a tenant's
    /// source must not pull with the operator's integrations.
    public func fetchForImport(_ reference: ImageReference, pullSecrets: [RegistryAccess], insecure: Bool, platform: Platform?,
                               serverCredentials: Bool = true) async throws -> Result<FetchedImage, ImportFetchFailure> {
        if let violation = policy.violation(reference.registry) {
            return .failure(.blocked(violation))
        }
        var candidates = pullSecrets
        if serverCredentials { candidates += try await resolver.candidates(forRegistry: reference.registry) }
        if insecure {
            candidates = candidates.map { access in
                var access = access
                if access.endpoint.scheme == "https" { access.endpoint.scheme = "http" }
                return access
            }
        }
        var fetcher = self.fetcher
        if let platform { fetcher.platform = platform }
        var failures: [RegistryError] = []
        for access in candidates {
            let client = RegistryClient(endpoint: access.endpoint, credentials: access.credentials)
            let source = RepositorySource(client: client, repository: reference.repository)
            do {
                return .success(try await fetcher.fetch(reference: reference.digest?.string ?? reference.tag ?? "latest", source: source, dataSource: access.dataSource))
            } catch {
                failures.append(error)
                if case .notFound = error { break }
            }
        }
        return .failure(.registry(failures))
    }

    /// Tags of a repository, for whole-repository imports.
    public func tagsForImport(_ reference: ImageReference, pullSecrets: [RegistryAccess]) async throws -> Result<[String], ImportFetchFailure> {
        if let violation = policy.violation(reference.registry) { return .failure(.blocked(violation)) }
        var failures: [RegistryError] = []
        for access in pullSecrets + (try await resolver.candidates(forRegistry: reference.registry)) {
            let client = RegistryClient(endpoint: access.endpoint, credentials: access.credentials)
            do {
                return .success(try await client.tags(repository: reference.repository))
            } catch {
                failures.append(error)
                if case .notFound = error { break }
            }
        }
        return .failure(.registry(failures))
    }

    /// Stores an imported image under its digest, or adds its name and OpenShift facts to the
    /// image already there. Compare-and-swap, so a concurrent scan of the digest keeps its scan.
    /// Without a record (a Cycle import) the image's OpenShift facts stay as they were.
    public func recordImport(_ fetched: FetchedImage, name: ImageName, digest: String, record: OpenShiftImageRecord?) async throws -> (image: Image, version: Int64) {
        while true {
            let existing = try await store.getValue(Image.self, kind: Self.kind, key: digest)
            var image = existing?.0 ?? Image()
            image.id = digest
            if image.name == nil { image.name = name }
            if !image.names.contains(name) { image.names.append(name) }
            if image.metadata == nil { image.metadata = fetched.metadata }
            if image.lastUpdated == nil { image.lastUpdated = Timestamps.format(Date()) }
            if let record {
                var merged = record
                if let previous = image.openShift {
                    merged.uid = previous.uid
                    merged.creationTimestamp = previous.creationTimestamp
                    merged.labels = previous.labels ?? record.labels
                    merged.annotations = (previous.annotations ?? [:]).merging(record.annotations ?? [:]) { old, _ in old }
                    merged.signatures = previous.signatures ?? record.signatures
                    merged.dockerImageReference = previous.dockerImageReference ?? record.dockerImageReference
                }
                image.openShift = merged
            }
            image.notes = Self.notes(for: image)
            image.riskScore = ImageRisk.score(image)
            do {
                let stored: StoredObject
                if let existing {
                    stored = try await store.update(kind: Self.kind, key: digest, body: try StoreCoding.encode(image), index: Self.index(image), expectedVersion: existing.1.resourceVersion)
                } else {
                    stored = try await store.create(kind: Self.kind, key: digest, body: try StoreCoding.encode(image), index: Self.index(image))
                }
                return (image, stored.resourceVersion)
            } catch let error as BerthError where error.code == .conflict || error.code == .alreadyExists {
                continue
            }
        }
    }

    /// Writes a catalogue image as the OpenShift Image resource changed it (labels,
    /// annotations, signatures), checked against the version it was read at.
    public func replaceCatalogImage(_ image: Image, expectedVersion: Int64?) async throws -> Int64 {
        var image = image
        image.notes = Self.notes(for: image)
        let stored: StoredObject
        if let expectedVersion {
            stored = try await store.update(kind: Self.kind, key: image.id, body: try StoreCoding.encode(image), index: Self.index(image), expectedVersion: expectedVersion)
        } else {
            stored = try await store.create(kind: Self.kind, key: image.id, body: try StoreCoding.encode(image), index: Self.index(image))
        }
        return stored.resourceVersion
    }

    public static let catalogKind = kind
}
