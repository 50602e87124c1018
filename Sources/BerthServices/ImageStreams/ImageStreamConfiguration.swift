/// Server flags of the OpenShift image API.
public struct ImageStreamConfiguration: Sendable {
    /// The "integrated registry" host: `status.dockerImageRepository` is `<host>/<ns>/<name>`.
    public var internalRegistryHost: String?
    /// The externally exposed registry host: `status.publicDockerImageRepository`.
    public var publicRegistryHost: String?
    /// `maxImagesBulkImportedPerRepository`: tags beyond it go to `additionalTags`.
    public var maxImagesPerRepositoryImport: Int
    /// How often scheduled tags are re-imported.
    public var scheduledImportInterval: Duration

    public init(internalRegistryHost: String? = nil, publicRegistryHost: String? = nil, maxImagesPerRepositoryImport: Int = 50,
                scheduledImportInterval: Duration = .seconds(15 * 60)) {
        self.internalRegistryHost = internalRegistryHost
        self.publicRegistryHost = publicRegistryHost
        self.maxImagesPerRepositoryImport = maxImagesPerRepositoryImport
        self.scheduledImportInterval = scheduledImportInterval
    }
}
