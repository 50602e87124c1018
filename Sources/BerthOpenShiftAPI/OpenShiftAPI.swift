import BerthHTTP
import Hummingbird

/// The OpenShift `image.openshift.io/v1` dialect with Kubernetes API conventions. So far:
/// discovery, `/version`, `metav1.Status` errors, and a 501 for every resource path.
public struct OpenShiftAPI {
    let serverVersion: String

    public init(serverVersion: String) {
        self.serverVersion = serverVersion
    }

    public func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        DiscoveryRoutes(serverVersion: serverVersion).register(on: router, catalog: catalog)
        UnbuiltResourceRoutes().register(on: router, catalog: catalog)
    }

    public static let errorRenderer: any ErrorRenderer = OpenShiftErrorRenderer()
}
