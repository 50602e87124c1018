import BerthHTTP
import BerthServices
import Hummingbird

/// The StackRox / RHACS dialect: `/v1/imageintegrations…` (and, as they are built, the
/// ImageService routes).
public struct RoxAPI {
    public let integrations: ImageIntegrationService

    public init(integrations: ImageIntegrationService) {
        self.integrations = integrations
    }

    public func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        RoxImageIntegrationRoutes(integrations: integrations).register(on: router, catalog: catalog)
    }

    public static let errorRenderer: any ErrorRenderer = RoxErrorRenderer()
}
