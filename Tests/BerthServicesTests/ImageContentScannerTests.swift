import BerthModel
import BerthRegistry
import BerthScanner
import BerthStore
import Foundation
import NIOCore
import Testing
@testable import BerthServices

/// Layers are read once per manifest digest: the second scan of an image re-matches the
/// cached inventory against the database as it is now, without opening a layer.
@Suite struct ImageContentScannerTests {
    /// An OCI layout that counts how often a layer stream is opened.
    final class CountingSource: ImageContentSource, @unchecked Sendable {
        let layout: OCILayout
        private let lock = NSLock()
        private var opened = 0

        init(_ layout: OCILayout) {
            self.layout = layout
        }

        var streamsOpened: Int { lock.withLock { opened } }
        var location: String { layout.location }

        func manifest(reference: String) async throws(RegistryError) -> ManifestResponse {
            try await layout.manifest(reference: reference)
        }

        func blob(digest: String, limit: Int) async throws(RegistryError) -> Data {
            try await layout.blob(digest: digest, limit: limit)
        }

        func blobStream(digest: String) async throws(RegistryError) -> any AsyncSequence<ByteBuffer, any Error> {
            lock.withLock { opened += 1 }
            return try await layout.blobStream(digest: digest)
        }
    }

    @Test func aSecondScanReusesTheInventoryAndSeesANewDatabase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-inv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BerthAPITests/Fixtures/make_scan_image.py")
        let layoutPath = directory.appendingPathComponent("layout").path
        let maker = Process()
        maker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        maker.arguments = ["python3", script.path, layoutPath]
        maker.standardOutput = FileHandle.nullDevice
        try maker.run()
        maker.waitUntilExit()
        #expect(maker.terminationStatus == 0)

        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("berth.sqlite").path)
        let database = VulnerabilityDatabase(store: store)
        let scanner = ImageContentScanner(store: store, database: database)
        let source = CountingSource(try OCILayout(path: layoutPath))
        var dataSource = DataSource()
        dataSource.name = "test"
        let fetched = try await ImageMetadataFetcher(platform: .defaultPlatform).fetch(reference: "scan", source: source, dataSource: dataSource)

        let first = try await scanner.scan(fetched, source: source)
        #expect(source.streamsOpened == fetched.manifest.layers.count)
        #expect(first.components.contains { $0.name == "lodash" && $0.vulns.isEmpty }, "no advisories loaded yet")
        #expect(first.notes.contains("OS_CVES_UNAVAILABLE"), "no Debian records: say so rather than report a clean image")

        let advisory = directory.appendingPathComponent("lodash.json")
        try Data(#"{"id":"GHSA-35jh-r3h4-6jhm","modified":"2026-01-02T00:00:00Z","aliases":["CVE-2021-23337"],"affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}"#.utf8).write(to: advisory)
        try await database.importRecords(from: advisory)
        let second = try await scanner.scan(fetched, source: source)
        #expect(source.streamsOpened == fetched.manifest.layers.count, "the second scan opened no layer")
        #expect(second.components.first { $0.name == "lodash" }?.vulns.map(\.cve) == ["CVE-2021-23337"])
        #expect(second.components.count == first.components.count)
    }
}
