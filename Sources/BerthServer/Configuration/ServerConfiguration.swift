import BerthServices
import Foundation
import Logging

/// Everything `berth serve` can be told, with the defaults that make a bare `berth serve`
/// work on a fresh machine: loopback only, SQLite in `./berth-data`.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "./berth-data"
    /// `sqlite:PATH`, a plain path, or `postgres://user:password@host:port/db[?sslmode=…]`; nil means `<data-dir>/berth.sqlite`.
    public var database: String?
    /// nil means `<data-dir>/secret.key`, created on first start.
    public var secretKeyFile: String?
    public var allowLoopbackEndpoints = false
    public var egressAllowList: Set<String>?
    /// How many store events to keep for watches to resume from.
    public var eventRetention = 100_000
    public var logLevel: Logger.Level = .info
    public var images = ImageServiceConfiguration()
    public var jobs = JobQueueConfiguration()
    /// PEM files; with both set the server speaks HTTPS only.
    public var tlsCertificateFile: String?
    public var tlsKeyFile: String?
    /// An OSV feed the server imports at start and then every `vulnerabilityFeedInterval`.
    public var vulnerabilityFeedURL: String?
    public var vulnerabilityFeedInterval: Duration = .seconds(6 * 3600)
    /// How often watched images are re-scanned.
    public var watchInterval: Duration = .seconds(4 * 3600)

    /// OpenShift image API flags: registry hosts, the repository import cap, the scheduled
    /// import interval.
    public var imageStreams = ImageStreamConfiguration()
    /// How often the import controller looks for tags that need an import.
    public var importCheckInterval: Duration = .seconds(10)

    public init() {}

    public var dataDirectoryURL: URL { URL(fileURLWithPath: dataDirectory) }

    public var adminTokenPath: String { dataDirectoryURL.appendingPathComponent("admin.token").path }

    public var resolvedSecretKeyFile: String {
        secretKeyFile ?? dataDirectoryURL.appendingPathComponent("secret.key").path
    }
}
