import ArgumentParser
import BerthRegistry
import BerthServer
import BerthServices
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Berth server.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Address to listen on (env BERTH_HOST; default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "Port to listen on (env BERTH_PORT; default 8080).")
    var port: Int?

    @Flag(name: .long, help: "Let integrations point at loopback addresses (a registry on this machine). StackRox forbids it; so does Berth by default.")
    var allowLoopbackEndpoints = false

    @Option(name: .long, help: "Comma-separated hosts integrations may contact; when set, all others are refused.")
    var egressAllow: String?

    @Option(name: .long, help: "Store events kept for watches to resume from (default 100000).")
    var eventRetention: Int = 100_000

    @Option(name: .long, help: "Platform picked from multi-platform images (default linux/amd64).")
    var platform: String = "linux/amd64"

    @Option(name: .long, help: "Seconds a scan result is reused for the same name unless the scan is forced (default 600).")
    var scanCacheTTL: Double = 600

    @Option(name: .long, help: "Jobs (scans, imports) running at once in this process (default 4).")
    var scanConcurrency: Int = 4

    @Option(name: .long, help: "Seconds a worker's claim on a job lasts without renewal; a crashed worker's jobs are re-run after it (default 30).")
    var jobLease: Double = 30

    @Option(name: .long, help: "A docker config.json or podman auth.json with registry credentials.")
    var registryAuthFile: String?

    @Option(name: .long, help: "Seconds between re-scans of watched images (default 14400).")
    var watchInterval: Int = 14_400

    @Option(name: .long, help: "An OSV feed (an osv.dev-style all.zip or a JSON file) to import at start and then every --vulndb-refresh seconds (env BERTH_VULNDB_URL).")
    var vulndbURL: String?

    @Option(name: .long, help: "Seconds between fetches of --vulndb-url (default 21600); unchanged feeds (ETag/Last-Modified) are not imported again.")
    var vulndbRefresh: Int = 21_600

    @Option(name: .long, help: "PEM certificate (chain) for HTTPS (env BERTH_TLS_CERT); needs --tls-key. kubectl sends tokens only over HTTPS.")
    var tlsCert: String?

    @Option(name: .long, help: "PEM private key for HTTPS (env BERTH_TLS_KEY).")
    var tlsKey: String?

    @Option(name: .long, help: "OpenShift: the integrated registry host; streams then report <host>/<namespace>/<name> as status.dockerImageRepository.")
    var internalRegistryHost: String?

    @Option(name: .long, help: "OpenShift: the externally exposed registry host (status.publicDockerImageRepository).")
    var publicRegistryHost: String?

    @Option(name: .long, help: "OpenShift: tags imported per whole-repository import; the rest are reported as additionalTags; -1 for no limit (default 50).")
    var maxImagesPerRepositoryImport: Int = 50

    @Option(name: .long, help: "OpenShift: seconds between re-imports of tags with importPolicy.scheduled (default 900).")
    var scheduledImportInterval: Int = 900

    @Option(name: .long, help: "OpenShift: seconds between import-controller passes that import new, changed and scheduled tags (default 10).")
    var importCheckInterval: Double = 10

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = common.resolvedDataDir
        configuration.database = common.resolvedDatabase
        configuration.secretKeyFile = common.resolvedSecretKeyFile
        configuration.host = host ?? CommonOptions.env("BERTH_HOST") ?? "127.0.0.1"
        if let text = port.map(String.init) ?? CommonOptions.env("BERTH_PORT") {
            guard let value = Int(text), (0...65535).contains(value) else {
                throw ValidationError("port must be a number from 0 to 65535, got \(text)")
            }
            configuration.port = value
        }
        configuration.allowLoopbackEndpoints = allowLoopbackEndpoints || CommonOptions.env("BERTH_ALLOW_LOOPBACK_ENDPOINTS") == "1"
        if let egress = egressAllow ?? CommonOptions.env("BERTH_EGRESS_ALLOW") {
            configuration.egressAllowList = Set(egress.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        }
        configuration.eventRetention = eventRetention
        guard let wanted = Platform.parse(platform) else {
            throw ValidationError("--platform must look like linux/amd64 or linux/arm64/v8, got \(platform)")
        }
        configuration.images.platform = wanted
        configuration.images.cacheTTL = scanCacheTTL
        guard scanConcurrency > 0 else { throw ValidationError("--scan-concurrency must be positive") }
        configuration.images.scanConcurrency = scanConcurrency
        guard jobLease >= 1 else { throw ValidationError("--job-lease must be at least 1 second") }
        configuration.jobs.lease = .milliseconds(Int(jobLease * 1000))
        if let path = registryAuthFile ?? CommonOptions.env("BERTH_REGISTRY_AUTH_FILE") {
            configuration.images.authFile = try RegistryAuthFile.load(path: path)
        }
        if let url = vulndbURL ?? CommonOptions.env("BERTH_VULNDB_URL") {
            guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https" else {
                throw ValidationError("--vulndb-url must be an http:// or https:// URL, got \(url)")
            }
            configuration.vulnerabilityFeedURL = url
        }
        let certificate = tlsCert ?? CommonOptions.env("BERTH_TLS_CERT"), key = tlsKey ?? CommonOptions.env("BERTH_TLS_KEY")
        guard (certificate == nil) == (key == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        for path in [certificate, key].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read \(path)")
        }
        configuration.tlsCertificateFile = certificate
        configuration.tlsKeyFile = key
        guard vulndbRefresh > 0 else { throw ValidationError("--vulndb-refresh must be positive") }
        configuration.vulnerabilityFeedInterval = .seconds(vulndbRefresh)
        guard watchInterval > 0 else { throw ValidationError("--watch-interval must be positive") }
        configuration.watchInterval = .seconds(watchInterval)
        configuration.imageStreams.internalRegistryHost = internalRegistryHost
        configuration.imageStreams.publicRegistryHost = publicRegistryHost
        guard maxImagesPerRepositoryImport >= -1 else { throw ValidationError("--max-images-per-repository-import must be -1 or more") }
        configuration.imageStreams.maxImagesPerRepositoryImport = maxImagesPerRepositoryImport
        guard scheduledImportInterval > 0 else { throw ValidationError("--scheduled-import-interval must be positive") }
        configuration.imageStreams.scheduledImportInterval = .seconds(scheduledImportInterval)
        guard importCheckInterval > 0 else { throw ValidationError("--import-check-interval must be positive") }
        configuration.importCheckInterval = .milliseconds(Int(importCheckInterval * 1000))
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("unknown log level \(logLevel)")
        }
        configuration.logLevel = level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        try await BerthServer(configuration: configuration).run()
    }
}
