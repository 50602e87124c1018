import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// `/openapi/v3` and its documents, which kubectl reads to decide on server-side field
/// validation and on strategic merge patches for `apply`; `/openapi/v2` answers an empty
/// protobuf document (kubectl rejects the `@` spelling of the media type), which kubectl parses as "no client-side schema" instead of failing.
struct OpenAPIRoutes {
    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let index = OpenAPIV3Document.servedIndex
        let documents: [String: Data] = [
            OpenAPIV3Document.groupPath: DiscoveryRoutes.encode(OpenAPIV3Document.servedGroupDocument),
            OpenAPIV3Document.corePath: DiscoveryRoutes.encode(OpenAPIV3Document.servedCoreDocument),
        ]
        let indexData = DiscoveryRoutes.encode(index)
        func route(_ path: String, _ id: String, _ summary: String, _ body: Data, contentType: String = "application/json") {
            catalog.register(
                APIOperation(.get, path, operationId: id, summary: summary, tag: "OpenShift discovery", access: Access(.read, .image), scope: .metadata,
                             responses: [APIResponse("200", "the document", schema: Schema.anyObject)]),
                on: router
            ) { _, _ in
                JSONResponse.raw(body, contentType: contentType)
            }
        }
        route("/openapi/v3", "Kube_OpenAPIV3Index", "The OpenAPI v3 index of served group versions.", indexData)
        for (path, data) in documents.sorted(by: { $0.key < $1.key }) {
            route("/openapi/v3/\(path)", "Kube_OpenAPIV3_" + path.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".", with: "_"),
                  "The OpenAPI v3 document of \(path).", data)
        }
        route("/openapi/v2", "Kube_OpenAPIV2", "An empty protobuf OpenAPI v2 document (clients validate through v3).", Data(),
              contentType: "application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
    }
}
