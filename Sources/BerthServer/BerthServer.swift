import BerthCycleAPI
import BerthHTTP
import BerthModel
import BerthOpenShiftAPI
import BerthRoxAPI
import BerthServices
import BerthStore
import Foundation
import Hummingbird
import HummingbirdTLS
import NIOSSL
import Logging
import Prometheus
import ServiceLifecycle

/// The assembled server: store, services, dialects, middleware.
///
/// Tests build one with ``init(configuration:store:)`` around a store of their choosing and
/// drive ``makeRouter()`` in process; `berth serve` calls ``run()``.
public struct BerthServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: any ObjectStore
    public let tokens: TokenService
    public let integrations: ImageIntegrationService
    public let images: ImageService
    public let jobs: JobQueue
    public let vulnerabilities: VulnerabilityDatabase
    public let imageStreams: ImageStreamService
    public let imageSources: ImageSourceService
    /// Runs persisted jobs; `run()` starts it, in-process tests start it with ``runJobs()``.
    public let runner: JobRunner
    public let metrics: PrometheusCollectorRegistry
    public let logger: Logger

    public init(configuration: ServerConfiguration, store: any ObjectStore) throws {
        self.configuration = configuration
        self.store = store
        var logger = Logger(label: "berth")
        logger.logLevel = configuration.logLevel
        self.logger = logger
        let key = try SecretKeyFile.loadOrCreate(at: configuration.resolvedSecretKeyFile)
        let secrets = SecretBox(key: key)
        let policy = EndpointPolicy(allowLoopback: configuration.allowLoopbackEndpoints, egressAllowList: configuration.egressAllowList)
        self.tokens = TokenService(store: store)
        self.integrations = ImageIntegrationService(store: store, secrets: secrets, policy: policy)
        self.jobs = JobQueue(store: store, configuration: configuration.jobs)
        self.vulnerabilities = VulnerabilityDatabase(store: store)
        self.images = ImageService(
            store: store, integrations: integrations, policy: policy, configuration: configuration.images,
            jobs: jobs, vulnerabilities: vulnerabilities
        )
        self.imageStreams = ImageStreamService(store: store, images: images, box: secrets, configuration: configuration.imageStreams)
        self.imageSources = ImageSourceService(store: store, box: secrets, jobs: jobs, images: images, policy: policy)
        self.runner = JobRunner(
            queue: jobs, concurrency: configuration.images.scanConcurrency,
            handlers: [
                ImageService.scanJobType: images.scanJobHandler(),
                ImageStreamService.reconcileJobType: imageStreams.reconcileJobHandler(),
                ImageSourceService.deleteJobType: imageSources.deleteJobHandler(),
                ImageSourceService.importJobType: imageSources.importJobHandler(),
            ], logger: logger
        )
        self.metrics = PrometheusCollectorRegistry()
    }

    /// Opens the configured store: SQLite in the data directory, or a PostgreSQL server that
    /// several Berth processes share.
    public init(configuration: ServerConfiguration) async throws {
        let location = try DatabaseLocation.parse(configuration.database, dataDirectory: configuration.dataDirectoryURL)
        try self.init(configuration: configuration, store: try await StoreOpener.open(location))
    }

    /// First-start work: default integrations, and an admin token when there is no token at
    /// all. Returns the path of a newly written admin token file.
    @discardableResult
    public func prepare() async throws -> String? {
        try await integrations.seedDefaults()
        guard try await tokens.isEmpty() else { return nil }
        let token = try await tokens.create(name: "admin", role: .admin)
        try PrivateFile.write(token + "\n", to: configuration.adminTokenPath)
        return configuration.adminTokenPath
    }

    public func makeRouter() -> (Router<BerthRequestContext>, APICatalog) {
        let router = Router(context: BerthRequestContext.self)
        let catalog = APICatalog(title: "Berth", version: BerthVersion.current)
        router.add(middleware: RequestMetricsMiddleware(registry: metrics))
        router.add(middleware: LogRequestsMiddleware<BerthRequestContext>(.info))
        router.add(middleware: ErrorMiddleware(renderers: [CycleAPI.errorRenderer, RoxAPI.errorRenderer, OpenShiftAPI.errorRenderer], fallback: PlainErrorRenderer()))
        router.add(middleware: AuthenticationMiddleware(tokens: tokens, publicPaths: SystemRoutes.publicPaths))
        SystemRoutes(store: store, metrics: metrics, catalog: catalog).register(on: router)
        RoxAPI(integrations: integrations, images: images, signatureIntegrations: SignatureIntegrationService(store: store)).register(on: router, catalog: catalog)
        OpenShiftAPI(serverVersion: BerthVersion.current, service: imageStreams).register(on: router, catalog: catalog)
        CycleAPI(sources: imageSources, tokens: tokens, integrations: integrations, jobRetention: configuration.jobs.retention).register(on: router, catalog: catalog)
        return (router, catalog)
    }

    /// The HTTP server, or HTTPS with `--tls-cert`/`--tls-key`: kubectl sends its token only
    /// over TLS.
    public func makeApplication() throws -> some ApplicationProtocol {
        let (router, _) = makeRouter()
        let address = BindAddress.hostname(configuration.host, port: configuration.port)
        var app: Application<RouterResponder<BerthRequestContext>>
        if let certificate = configuration.tlsCertificateFile, let key = configuration.tlsKeyFile {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            app = Application(
                router: router, server: try .tls(.http1(), tlsConfiguration: tls),
                configuration: .init(address: address, serverName: "berth"), logger: logger
            )
        } else {
            app = Application(router: router, configuration: .init(address: address, serverName: "berth"), logger: logger)
        }
        app.addServices(EventCompactor(store: store, retention: configuration.eventRetention, interval: .seconds(60), logger: logger))
        app.addServices(JobRunnerService(runner: runner))
        if let url = configuration.vulnerabilityFeedURL {
            app.addServices(VulnerabilityFeed(url: url, interval: configuration.vulnerabilityFeedInterval, database: vulnerabilities, logger: logger))
        }
        app.addServices(ImportController(jobs: jobs, interval: configuration.importCheckInterval, logger: logger))
        app.addServices(WatchedImageRescanner(images: images, interval: configuration.watchInterval, logger: logger))
        return app
    }

    /// Serves until SIGTERM or SIGINT, then drains in-flight requests and stops.
    public func run() async throws {
        if let path = try await prepare() {
            print("admin token written to \(path)")
            fflush(nil)
        }
        try await makeApplication().runService()
    }
}
