import BerthHTTP
import BerthModel
import BerthServices
import Hummingbird

/// The OpenShift `image.openshift.io/v1` dialect with Kubernetes API conventions: discovery,
/// `/version`, `/openapi/v3`, every kind of the group over the shared catalogue, and core
/// v1 Secrets for pull credentials.
public struct OpenShiftAPI {
    let serverVersion: String
    let service: ImageStreamService

    public init(serverVersion: String, service: ImageStreamService) {
        self.serverVersion = serverVersion
        self.service = service
    }

    public func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        DiscoveryRoutes(serverVersion: serverVersion).register(on: router, catalog: catalog)
        OpenAPIRoutes().register(on: router, catalog: catalog)
        let finder = UnknownFieldFinder()
        for endpoint in service.imageGroup {
            let kind = endpoint.descriptor.kind
            let access: Access.Resource = endpoint.descriptor.resource == "images" || endpoint.descriptor.resource == "imagesignatures" ? .image : .imageStream
            KubeResourceRoutes(endpoint: endpoint, prefix: "/apis/image.openshift.io/v1", access: access,
                               schema: ImageV1Schemas.schemaName(group: endpoint.descriptor.group, kind: kind) ?? "", finder: finder)
                .register(on: router, catalog: catalog)
        }
        KubeResourceRoutes(endpoint: service.secrets, prefix: "/api/v1", access: .secret,
                           schema: ImageV1Schemas.schemaName(group: "", kind: "Secret") ?? "", finder: finder)
            .register(on: router, catalog: catalog)
    }

    public static let errorRenderer: any ErrorRenderer = OpenShiftErrorRenderer()
}
