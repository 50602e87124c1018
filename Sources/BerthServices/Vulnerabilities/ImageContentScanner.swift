import BerthModel
import BerthRegistry
import BerthScanner
import BerthStore
import Foundation

/// Reads an image's layers (streamed, digest-checked) into an inventory, caches the
/// inventory by manifest digest, and matches it against the vulnerability database.
struct ImageContentScanner: Sendable {
    static let inventoryKind = "inventory"
    let store: any ObjectStore
    let database: VulnerabilityDatabase

    func scan(_ fetched: FetchedImage, source: any ImageContentSource) async throws -> ImageScan {
        let inventory = try await inventory(fetched, source: source)
        return try await report(inventory)
    }

    /// Matching only: for a cached inventory and the database as it is now.
    func report(_ inventory: CachedInventory) async throws -> ImageScan {
        let matches = try await PackageVulnerabilityMatcher().match(inventory.packages, operatingSystem: inventory.operatingSystem, source: database)
        // Coverage is asked per ecosystem of this image (a handful of one-row lookups), not
        // by counting the whole database on every scan.
        var covered: Set<String> = []
        for ecosystem in ScanReportBuilder.ecosystems(inventory.packages, inventory.operatingSystem)
        where try await database.hasRecords(ecosystem: ecosystem) {
            covered.insert(ecosystem)
        }
        return ScanReportBuilder(coveredEcosystems: covered).build(inventory: inventory, matches: matches)
    }

    /// Layers are fetched once per manifest digest: a cached inventory from this scanner
    /// version is reused.
    func inventory(_ fetched: FetchedImage, source: any ImageContentSource) async throws -> CachedInventory {
        let key = fetched.platformManifestDigest
        if let (cached, _) = try await store.getValue(CachedInventory.self, kind: Self.inventoryKind, key: key),
           cached.scannerVersion == ScannerVersion.inventory {
            return cached
        }
        var walker = LayerWalker(analyzers: DefaultAnalyzers.all)
        for (index, layer) in fetched.manifest.layers.enumerated() {
            do {
                let stream = try await source.blobStream(digest: layer.digest)
                try await walker.walk(layerIndex: index, mediaType: layer.mediaType ?? "", bytes: stream)
            } catch let error as RegistryError {
                throw Self.layerError(error, layer: layer.digest)
            } catch let error as BerthError {
                throw error
            } catch {
                throw BerthError(.failedPrecondition, "image scan error: layer \(layer.digest) could not be read: \(error)")
            }
        }
        let found = walker.finish()
        let inventory = CachedInventory(
            scannerVersion: ScannerVersion.inventory, digest: key, packages: found.packages,
            operatingSystem: found.operatingSystem,
            problems: found.problems.map(Self.describe), layers: fetched.manifest.layers.count
        )
        try await store.put(kind: Self.inventoryKind, key: key, body: try StoreCoding.encode(inventory))
        return inventory
    }

    static func describe(_ problem: ScanProblem) -> String {
        var where_: [String] = []
        if let layer = problem.layerIndex { where_.append("layer \(layer)") }
        if let path = problem.path { where_.append("/" + path) }
        return (where_.isEmpty ? "" : where_.joined(separator: " ") + ": ") + problem.message
    }

    static func layerError(_ error: RegistryError, layer: String) -> BerthError {
        let message = "image scan error: layer \(layer): \(error.description)"
        switch error {
        case .notFound: return BerthError(.notFound, message)
        case .unreachable, .unexpectedStatus: return BerthError(.unavailable, message)
        default: return BerthError(.failedPrecondition, message)
        }
    }
}
