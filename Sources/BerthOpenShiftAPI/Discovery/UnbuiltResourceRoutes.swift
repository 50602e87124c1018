import BerthHTTP
import BerthModel
import BerthServices
import Hummingbird

/// ImageTags are listed in discovery (clients expect the whole group) but not built yet:
/// their paths answer 501 in `metav1.Status` form, naming what is missing, rather than a
/// bare 404 or an empty list that would look like real data. They carry their own OpenAPI
/// tag so the fuzzing test can leave out routes whose answer is a 5xx by design.
struct UnbuiltResourceRoutes {
    static let tag = "OpenShift resources (not built yet)"

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let base = "/apis/image.openshift.io/v1"
        let paths: [(String, [HTTPRequest.Method])] = [
            ("\(base)/imagetags", [.get]),
            ("\(base)/namespaces/{namespace}/imagetags", [.get, .post]),
            ("\(base)/namespaces/{namespace}/imagetags/{name}", [.get, .put, .patch, .delete]),
        ]
        for (path, methods) in paths {
            for method in methods {
                let id = "Kube_Unbuilt_\(method.rawValue)_" + path.dropFirst(base.count).replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                catalog.register(
                    APIOperation(method, path, operationId: id, summary: "Answers 501 until ImageTags are built.", tag: Self.tag,
                                 access: Access(.read, .imageStream), responses: [APIResponse("501", "a metav1.Status", schema: Schema.anyObject)]),
                    on: router
                ) { _, _ async throws -> Response in
                    throw BerthError(.unimplemented, "imagetags.image.openshift.io is not served by this Berth yet: use imagestreamtags (istag) for the same tags; ImageTag, the full-view successor, is still to be built")
                }
            }
        }
    }
}
