import BerthHTTP
import BerthModel
import BerthServices
import Hummingbird

/// Every resource path of the group answers 501 in `metav1.Status` form until its kind is
/// built, naming the resource, so a client sees "not served yet" rather than a bare 404 or
/// an empty list that would look like real (absent) data. They carry their own OpenAPI tag
/// so the fuzzing test can leave out routes whose answer is a 5xx by design.
struct UnbuiltResourceRoutes {
    static let tag = "OpenShift resources (not built yet)"

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let base = "/apis/image.openshift.io/v1"
        let paths: [(String, [HTTPRequest.Method])] = [
            ("\(base)/{resource}", [.get, .post, .delete]),
            ("\(base)/{resource}/{name}", [.get, .put, .patch, .delete]),
            ("\(base)/namespaces/{namespace}/{resource}", [.get, .post, .delete]),
            ("\(base)/namespaces/{namespace}/{resource}/{name}", [.get, .put, .patch, .delete]),
            ("\(base)/namespaces/{namespace}/{resource}/{name}/{subresource}", [.get, .put, .patch]),
        ]
        for (path, methods) in paths {
            for method in methods {
                let id = "Kube_Unbuilt_\(method.rawValue)_" + path.dropFirst(base.count).replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                catalog.register(
                    APIOperation(method, path, operationId: id, summary: "Answers 501 until the kind is built.", tag: Self.tag,
                                 access: Access(.read, .imageStream), responses: [APIResponse("501", "a metav1.Status", schema: Schema.anyObject)]),
                    on: router
                ) { _, context async throws -> Response in
                    let resource = context.parameters.get("resource") ?? "resources"
                    throw BerthError(.unimplemented, "\(resource).image.openshift.io is not served by this Berth yet: the OpenShift image API kinds are being built (issue 6); discovery, /version and the error shape are in place")
                }
            }
        }
    }
}
