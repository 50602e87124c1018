/// The one configuration an image integration carries (a protobuf `oneof`).
public enum IntegrationConfig: Sendable, Equatable {
    case clairify(ClairifyConfig)
    case scannerV4(ScannerV4Config)
    case docker(DockerConfig)
    case quay(QuayConfig)
    case ecr(ECRConfig)
    case google(GoogleConfig)
    case clair(ClairConfig)
    case clairV4(ClairV4Config)
    case ibm(IBMRegistryConfig)
    case azure(AzureConfig)

    /// The JSON field that holds it, in proto field order.
    public static let jsonKeys = ["clairify", "scannerV4", "docker", "quay", "ecr", "google", "clair", "clairV4", "ibm", "azure"]

    public var jsonKey: String {
        switch self {
        case .clairify: "clairify"
        case .scannerV4: "scannerV4"
        case .docker: "docker"
        case .quay: "quay"
        case .ecr: "ecr"
        case .google: "google"
        case .clair: "clair"
        case .clairV4: "clairV4"
        case .ibm: "ibm"
        case .azure: "azure"
        }
    }

    /// StackRox names fields in its reconciliation errors by Go type path
    /// (`ImageIntegration.ImageIntegration_Docker.DockerConfig.Password`); clients match on it.
    public var goPath: String {
        switch self {
        case .clairify: "ImageIntegration.ImageIntegration_Clairify.ClairifyConfig"
        case .scannerV4: "ImageIntegration.ImageIntegration_ScannerV4.ScannerV4Config"
        case .docker: "ImageIntegration.ImageIntegration_Docker.DockerConfig"
        case .quay: "ImageIntegration.ImageIntegration_Quay.QuayConfig"
        case .ecr: "ImageIntegration.ImageIntegration_Ecr.ECRConfig"
        case .google: "ImageIntegration.ImageIntegration_Google.GoogleConfig"
        case .clair: "ImageIntegration.ImageIntegration_Clair.ClairConfig"
        case .clairV4: "ImageIntegration.ImageIntegration_ClairV4.ClairV4Config"
        case .ibm: "ImageIntegration.ImageIntegration_Ibm.IBMRegistryConfig"
        case .azure: "ImageIntegration.ImageIntegration_Azure.AzureConfig"
        }
    }

    public var goWrapperName: String {
        String(goPath.split(separator: ".")[1])
    }
}
