import Foundation
import Testing
import ZIPFoundation
@testable import BerthScanner

@Suite("OSV loader")
struct OSVLoaderTests {
    @Test func loadsASingleRecordFile() async throws {
        let collector = OSVBatchCollector()
        let count = try await OSVLoader().load(from: OSVFixtures.url("tree/Maven/GHSA-jfh8-c2jp-5v3q.json")) {
            await collector.receive($0)
        }
        #expect(count == 1)
        #expect(await collector.ids == ["GHSA-jfh8-c2jp-5v3q"])
    }

    @Test func loadsAnArrayFileInOrder() async throws {
        let collector = OSVBatchCollector()
        let count = try await OSVLoader(batchSize: 4).load(from: OSVFixtures.url("events.json")) {
            await collector.receive($0)
        }
        #expect(count == 10)
        #expect(await collector.batchSizes == [4, 4, 2])
        #expect(await collector.ids.first == "TEST-INTRODUCED-FIXED")
        #expect(await collector.ids.last == "TEST-ECOSYSTEM-IN-DEBIAN")
    }

    @Test func loadsADirectoryTreeInSortedPathOrderSkippingHiddenAndNonJSON() async throws {
        let collector = OSVBatchCollector()
        let count = try await OSVLoader().load(from: OSVFixtures.url("tree")) { await collector.receive($0) }
        #expect(count == 7)
        #expect(await collector.ids == [
            "ALPINE-CVE-2023-42363",
            "DEBIAN-CVE-2023-4911",
            "DSA-5532-1",
            "GO-2023-2102",
            "GHSA-jfh8-c2jp-5v3q",
            "GHSA-2m57-hf25-phgg",
            "RHSA-2024:0001",
        ])
    }

    @Test func loadsAnOSVDevZipArchive() async throws {
        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("all.zip")
        let archive = try Archive(url: zipURL, accessMode: .create)
        for file in ["tree/Debian/DSA-5532-1.json", "tree/PyPI/GHSA-2m57-hf25-phgg.json"] {
            let data = try Data(contentsOf: OSVFixtures.url(file))
            try Self.add(data, as: URL(fileURLWithPath: file).lastPathComponent, to: archive, compressed: true)
        }
        try Self.add(Data(contentsOf: OSVFixtures.url("tree/Go/GO-2023-2102.json")), as: "nested/GO-2023-2102.json", to: archive, compressed: false)
        try Self.add(Data("ignored".utf8), as: "README.txt", to: archive, compressed: false)

        let collector = OSVBatchCollector()
        let count = try await OSVLoader().load(from: zipURL) { await collector.receive($0) }
        #expect(count == 3)
        #expect(await collector.ids == ["DSA-5532-1", "GHSA-2m57-hf25-phgg", "GO-2023-2102"])
        let records = await collector.records
        #expect(records[1].databaseSeverity == "HIGH")
    }

    @Test func streamsLargeArchivesInBatches() async throws {
        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("all.zip")
        let archive = try Archive(url: zipURL, accessMode: .create)
        for number in 0..<1_234 {
            let json = #"{"id":"GEN-\#(number)","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"p\#(number)"},"versions":["1.0.0"]}]}"#
            try Self.add(Data(json.utf8), as: "GEN-\(number).json", to: archive, compressed: true)
        }
        let collector = OSVBatchCollector(keepRecords: false)
        let count = try await OSVLoader().load(from: zipURL) { await collector.receive($0) }
        #expect(count == 1_234)
        #expect(await collector.batchSizes == [500, 500, 234])
        #expect(await collector.ids.last == "GEN-1233")
    }

    @Test func streamsLargeArrayFilesInBatches() async throws {
        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("many.json")
        let elements = (0..<1_001).map { number in
            #"{"id":"GEN-\#(number)","modified":"2024-01-01T00:00:00Z","summary":"a \"quoted\" ], { tricky, string"}"#
        }
        try Data(("\u{FEFF}[\n  " + elements.joined(separator: ",\n  ") + "\n]\n").utf8).write(to: file)
        let collector = OSVBatchCollector(keepRecords: false)
        let count = try await OSVLoader().load(from: file) { await collector.receive($0) }
        #expect(count == 1_001)
        #expect(await collector.batchSizes == [500, 500, 1])
    }

    @Test func emptyArrayLoadsNothing() async throws {
        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.json")
        try Data(" [ ] ".utf8).write(to: file)
        let count = try await OSVLoader().load(from: file) { _ in Issue.record("no batch expected") }
        #expect(count == 0)
    }

    @Test func badRecordErrorNamesFileRecordAndField() async throws {
        let url = OSVFixtures.url("bad/missing-name.json")
        let error = try await Self.loadError(url)
        #expect(error.source == url.path)
        #expect(error.recordID == "BAD-MISSING-NAME")
        #expect(error.field == "affected[1].package.name")
        #expect(error.description == "cannot load OSV data from \(url.path), record BAD-MISSING-NAME, field affected[1].package.name: required field is missing")
    }

    @Test func eventWithTwoKeysIsRejected() async throws {
        let error = try await Self.loadError(OSVFixtures.url("bad/two-keys-event.json"))
        #expect(error.recordID == "BAD-EVENT")
        #expect(error.field == "affected[0].ranges[0].events[1]")
        #expect(error.reason.contains("exactly one of introduced, fixed, last_affected, limit"))
    }

    @Test func malformedTimestampIsRejected() async throws {
        let error = try await Self.loadError(OSVFixtures.url("bad/bad-date.json"))
        #expect(error.recordID == "BAD-DATE")
        #expect(error.field == "modified")
        #expect(error.reason.contains("\"yesterday\""))
    }

    @Test func truncatedJSONIsRejected() async throws {
        let url = OSVFixtures.url("bad/truncated.json")
        let error = try await Self.loadError(url)
        #expect(error.source == url.path)
        #expect(error.recordID == nil)
        #expect(error.description.hasPrefix("cannot load OSV data from \(url.path): "))
    }

    @Test func badArrayElementIsNamedByIndex() async throws {
        let collector = OSVBatchCollector()
        do {
            try await OSVLoader(batchSize: 1).load(from: OSVFixtures.url("bad/array-with-bad-element.json")) {
                await collector.receive($0)
            }
            Issue.record("expected an error")
        } catch let error as OSVLoadError {
            #expect(error.index == 2)
            #expect(error.recordID == "BAD-3")
            #expect(error.field == "aliases")
            #expect(error.reason == "expected an array")
        }
        #expect(await collector.ids == ["GOOD-1", "GOOD-2"])
    }

    @Test func badArchiveEntryIsNamed() async throws {
        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipURL = directory.appendingPathComponent("all.zip")
        let archive = try Archive(url: zipURL, accessMode: .create)
        try Self.add(Data(contentsOf: OSVFixtures.url("tree/Maven/GHSA-jfh8-c2jp-5v3q.json")), as: "GHSA-jfh8-c2jp-5v3q.json", to: archive, compressed: true)
        try Self.add(Data(contentsOf: OSVFixtures.url("bad/missing-name.json")), as: "BAD-MISSING-NAME.json", to: archive, compressed: true)

        let error = try await Self.loadError(zipURL)
        #expect(error.source == zipURL.path)
        #expect(error.entry == "BAD-MISSING-NAME.json")
        #expect(error.description.contains(", entry BAD-MISSING-NAME.json, record BAD-MISSING-NAME, field affected[1].package.name"))
    }

    @Test func missingPathAndNonZipAreReported() async throws {
        let missing = URL(fileURLWithPath: "/nonexistent/osv/all.zip")
        #expect(try await Self.loadError(missing).reason == "no such file or directory")

        let directory = try OSVFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fake = directory.appendingPathComponent("all.zip")
        try Data("not a zip".utf8).write(to: fake)
        #expect(try await Self.loadError(fake).reason.hasPrefix("not a readable zip archive"))
    }

    @Test func badFileInADirectoryStopsTheImport() async throws {
        let error = try await Self.loadError(OSVFixtures.url("bad"))
        // Sorted order: array-with-bad-element.json comes first.
        #expect(error.source.hasSuffix("bad/array-with-bad-element.json"))
    }

    private static func loadError(_ url: URL) async throws -> OSVLoadError {
        do {
            try await OSVLoader().load(from: url) { _ in }
        } catch let error as OSVLoadError {
            return error
        }
        Issue.record("loading \(url.path) did not fail")
        return OSVLoadError(source: url.path, reason: "no error")
    }

    private static func add(_ data: Data, as path: String, to archive: Archive, compressed: Bool) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}
