import ArgumentParser
import BerthModel
import BerthRegistry
import BerthServices
import BerthStore
import Crypto
import Foundation

struct Scan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan one image in a registry and print its packages and vulnerabilities; no server needed.",
        discussion: "Exit status: 0, or 1 when a vulnerability at or above --fail-on is found (2 and up: the scan itself failed)."
    )

    @Argument(help: "An image reference ([registry[:port]/]path[:tag][@digest]; loopback registries are read over plain HTTP), or oci:PATH[:tag] for an OCI layout directory.")
    var image: String

    @Option(name: .long, help: "OSV records to match against (.json, directory or .zip). Without it, the database imported into --data-dir is used.")
    var vulndb: String?

    @Option(name: .long, help: "Data directory whose imported vulnerability database is used when --vulndb is not given.")
    var dataDir: String?

    @Option(name: .long, help: "table or json (json prints the StackRox StorageImage).")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Exit 1 if a vulnerability of this severity or worse is found: low, moderate, important, critical.")
    var failOn: SeverityThreshold?

    @Option(name: .long, help: "A docker config.json or podman auth.json with registry credentials.")
    var registryAuthFile: String?

    @Option(name: .long, help: "Platform picked from multi-platform images (default linux/amd64).")
    var platform: String = "linux/amd64"

    /// `PATH[:tag]`: the tag is what follows the last colon when that part holds no slash.
    static func layoutTarget(_ text: String) -> (path: String, tag: String) {
        if let colon = text.lastIndex(of: ":"), !text[text.index(after: colon)...].contains("/") {
            return (String(text[..<colon]), String(text[text.index(after: colon)...]))
        }
        return (text, "")
    }

    enum OutputFormat: String, ExpressibleByArgument {
        case table, json
    }

    func run() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("berth-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = try SQLiteObjectStore(path: scratch.appendingPathComponent("scan.sqlite").path)
        let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)

        let database: VulnerabilityDatabase
        if let vulndb {
            progress.say("loading \(vulndb)")
            database = VulnerabilityDatabase(store: store)
            try await database.importRecords(from: URL(fileURLWithPath: vulndb))
        } else {
            let directory = URL(fileURLWithPath: dataDir ?? CommonOptions.env("BERTH_DATA_DIR") ?? "./berth-data")
            let path = directory.appendingPathComponent("berth.sqlite").path
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("no vulnerability database: pass --vulndb PATH, or import one with `berth vulndb import` into \(directory.path)")
            }
            database = VulnerabilityDatabase(store: try SQLiteObjectStore(path: path))
        }

        var configuration = ImageServiceConfiguration()
        guard let wanted = Platform.parse(platform) else {
            throw ValidationError("--platform must look like linux/amd64 or linux/arm64/v8, got \(platform)")
        }
        configuration.platform = wanted
        if let path = registryAuthFile ?? CommonOptions.env("BERTH_REGISTRY_AUTH_FILE") {
            configuration.authFile = try RegistryAuthFile.load(path: path)
        }
        let policy = EndpointPolicy(allowLoopback: true, egressAllowList: nil)
        let integrations = ImageIntegrationService(store: store, secrets: SecretBox(key: .init(size: .bits256)), policy: policy)
        let images = ImageService(
            store: store, integrations: integrations, policy: policy, configuration: configuration,
            jobs: JobQueue(store: store), vulnerabilities: database
        )
        progress.say("scanning \(image)")
        let started = Date()
        let result: Image
        do {
            if image.hasPrefix("oci:") {
                let (path, tag) = Self.layoutTarget(String(image.dropFirst(4)))
                result = try await images.scanLayout(path: path, tag: tag)
            } else {
                result = try await images.scanDirectly(imageName: image)
            }
        } catch let error as BerthError {
            progress.done()
            FileHandle.standardError.write(Data("berth scan: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        progress.done()

        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // The StorageImage as StackRox has it: without Berth's own fields.
            var storageImage = result
            storageImage.openShift = nil
            storageImage.verifiedSignatures = nil
            print(String(decoding: try encoder.encode(storageImage), as: UTF8.self))
        case .table:
            print(ScanTable.render(result))
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data("\(result.id): \(result.components ?? 0) components, \(result.cves ?? 0) CVEs (\(result.fixableCves ?? 0) fixable) in \(seconds) s\n".utf8))
        }
        if let failOn, failOn.isReached(by: result) {
            throw ExitCode(1)
        }
    }
}
