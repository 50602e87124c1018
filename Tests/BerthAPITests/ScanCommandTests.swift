import BerthModel
import Foundation
import Testing

/// `berth scan`, `berth vulndb` and `--vulndb-url` as processes, on the scanner test image.
@Suite("berth scan and vulndb as commands", .enabled(if: Peers.registriesAvailable), .serialized)
struct ScanCommandTests {
    static func berth(_ arguments: [String]) throws -> TestProcess.Run {
        try TestProcess.run(ServerProcess.binary, arguments)
    }

    @Test func scanARegistryImageAndALayoutWithAFileDatabase() throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let image = try ScannerPeerTests.makeImage()
        let reference = "\(registry)/berth-it/cli-\(UUID().uuidString.prefix(8).lowercased()):1"
        try TestImages.push(TestImages.Layout(path: image.path, amd64: image.digest, arm64: "", index: ""), ref: "scan", to: reference)
        let debian = try ScannerPeerTests.installedDebianPackages()
        let advisories = try ScannerPeerTests.writeAdvisories(bashSourceVersion: try #require(debian["bash"]).sourceVersion, python: image.python.name)

        let remote = try Self.berth(["scan", reference, "--vulndb", advisories.path, "--format", "json"])
        #expect(remote.status == 0, "\(remote.stderr)")
        let scanned = try JSONDecoder().decode(Image.self, from: Data(remote.stdout.utf8))
        #expect(scanned.id == image.digest)
        #expect(scanned.components == Int32(debian.count + 3))
        #expect(scanned.cves == 4)
        #expect(scanned.scan?.components.first { $0.name == "bash" }?.vulns.map(\.cve) == ["CVE-2099-0001"])

        let local = try Self.berth(["scan", "oci:\(image.path):scan", "--vulndb", advisories.path, "--format", "json"])
        #expect(local.status == 0, "\(local.stderr)")
        let fromLayout = try JSONDecoder().decode(Image.self, from: Data(local.stdout.utf8))
        #expect(fromLayout.id == image.digest, "the layout and the registry hold the same manifest")
        func summary(_ image: Image) -> [String] {
            (image.scan?.components ?? []).map { "\($0.name) \($0.version) \($0.vulns.map(\.cve))" }.sorted()
        }
        #expect(summary(fromLayout) == summary(scanned))

        let table = try Self.berth(["scan", reference, "--vulndb", advisories.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("CVE-2021-44228"))
        #expect(table.stdout.contains("CRITICAL"))
        #expect(table.stderr.contains("\(debian.count + 3) components, 4 CVEs (4 fixable)"), "\(table.stderr)")

        let failing = try Self.berth(["scan", reference, "--vulndb", advisories.path, "--fail-on", "critical"])
        #expect(failing.status == 1, "a critical CVE fails the threshold")
        let missing = try Self.berth(["scan", "\(registry)/berth-it/no-such-image:1", "--vulndb", advisories.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("berth scan:"), "\(missing.stderr)")
        let noDatabase = try Self.berth(["scan", reference, "--data-dir", FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path])
        #expect(noDatabase.status != 0)
        #expect(noDatabase.stderr.contains("berth vulndb import"), "\(noDatabase.stderr)")
    }

    @Test func vulndbImportStatusAndAScanAgainstTheImportedDatabase() throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let image = try ScannerPeerTests.makeImage()
        let reference = "\(registry)/berth-it/db-\(UUID().uuidString.prefix(8).lowercased()):1"
        try TestImages.push(TestImages.Layout(path: image.path, amd64: image.digest, arm64: "", index: ""), ref: "scan", to: reference)
        let debian = try ScannerPeerTests.installedDebianPackages()
        let advisories = try ScannerPeerTests.writeAdvisories(bashSourceVersion: try #require(debian["bash"]).sourceVersion, python: image.python.name)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("berth-db-\(UUID().uuidString)").path

        let imported = try Self.berth(["vulndb", "import", advisories.path, "--data-dir", data])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 7 records"))
        let again = try Self.berth(["vulndb", "import", advisories.path, "--data-dir", data])
        #expect(again.status == 0)
        let status = try Self.berth(["vulndb", "status", "--data-dir", data])
        #expect(status.stdout.contains("Debian:12\t3"), "\(status.stdout)")
        #expect(status.stdout.contains("npm\t2"))
        #expect(status.stdout.contains("Maven\t1"))
        #expect(status.stdout.contains("total\t7"), "re-import replaced, it did not duplicate")
        #expect(status.stdout.contains("newest modified\t2026-01-02T00:00:00Z"))

        let scan = try Self.berth(["scan", reference, "--data-dir", data, "--format", "json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(try JSONDecoder().decode(Image.self, from: Data(scan.stdout.utf8)).cves == 4)

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data(#"{"id":"X-1","affected":[]}"#.utf8).write(to: bad)
        let refused = try Self.berth(["vulndb", "import", bad.path, "--data-dir", data])
        #expect(refused.status != 0)
        #expect((refused.stderr + refused.stdout).contains("modified"), "the error names the missing field: \(refused.stderr)")
    }

    @Test func theServerImportsAFeedFromAURL() async throws {
        let image = try ScannerPeerTests.makeImage()
        let debian = try ScannerPeerTests.installedDebianPackages()
        let advisories = try ScannerPeerTests.writeAdvisories(bashSourceVersion: try #require(debian["bash"]).sourceVersion, python: image.python.name)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("berth-feed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        _ = try TestImages.run("/usr/bin/env", ["python3", "-c", """
            import os, sys, zipfile
            with zipfile.ZipFile(sys.argv[2], "w") as z:
                for name in sorted(os.listdir(sys.argv[1])):
                    z.write(os.path.join(sys.argv[1], name), name)
            """, advisories.path, site.appendingPathComponent("all.zip").path])
        let port = try ServerProcess.freePort()
        let web = Process()
        web.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        web.arguments = ["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", site.path]
        web.standardOutput = FileHandle.nullDevice
        web.standardError = FileHandle.nullDevice
        try web.run()
        defer { kill(web.processIdentifier, SIGKILL) }

        let server = try ServerProcess(arguments: ["--vulndb-url", "http://127.0.0.1:\(port)/all.zip", "--vulndb-refresh", "1"])
        try await server.start()
        defer { Task { await server.stop() } }
        var output = ""
        for _ in 0..<100 {
            output = try server.command(["vulndb", "status"]).output
            if output.contains("total\t7") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(output.contains("total\t7"), "\(output)")
        #expect(output.contains("from /tmp") || output.contains("berth-feed"), "the last import names the downloaded file: \(output)")
        let bad = try Self.berth(["serve", "--vulndb-url", "ftp://example.invalid/all.zip", "--data-dir", site.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("must be an http:// or https:// URL"), "\(bad.stderr)")
    }
}
