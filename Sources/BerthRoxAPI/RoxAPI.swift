import BerthHTTP
import BerthServices
import Hummingbird

/// The StackRox / RHACS dialect: `/v1/imageintegrations…`, the ImageService routes
/// (`/v1/images…`, `/v1/imagescount`, `/v1/export/images`, `/v1/watchedimages`).
public struct RoxAPI {
    public let integrations: ImageIntegrationService
    public let images: ImageService
    public let signatureIntegrations: SignatureIntegrationService

    public init(integrations: ImageIntegrationService, images: ImageService, signatureIntegrations: SignatureIntegrationService) {
        self.integrations = integrations
        self.images = images
        self.signatureIntegrations = signatureIntegrations
    }

    public func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        RoxImageIntegrationRoutes(integrations: integrations).register(on: router, catalog: catalog)
        RoxImageRoutes(images: images).register(on: router, catalog: catalog)
        RoxSignatureIntegrationRoutes(integrations: signatureIntegrations).register(on: router, catalog: catalog)
    }

    public static let errorRenderer: any ErrorRenderer = RoxErrorRenderer()
}
