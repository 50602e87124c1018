import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// Kubernetes discovery: `/version`, `/api`, `/apis`, the group and its
/// resource list. Clients read these before any resource request: the Python DynamicClient
/// fails to construct without `/version`, and kubectl resolves `is`/`istag` from the list.
struct DiscoveryRoutes {
    static let group = "image.openshift.io"
    static let groupVersion = "image.openshift.io/v1"
    let serverVersion: String

    static func encode(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            preconditionFailure("a discovery document cannot be encoded: \(error)")
        }
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The documents are fixed literals; one that cannot be encoded is a bug in this file,
    /// caught by the first test run, so it stops the process instead of serving `{}`.
    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let read = Access(.read, .image)
        func route(_ path: String, _ id: String, _ summary: String, _ body: @escaping @Sendable (Request) throws -> Data) {
            catalog.register(
                APIOperation(.get, path, operationId: id, summary: summary, tag: "OpenShift discovery", access: read, scope: .metadata,
                             responses: [APIResponse("200", "the discovery document", schema: Schema.anyObject)]),
                on: router
            ) { request, _ in
                JSONResponse.raw(try body(request))
            }
        }
        func fixed(_ path: String, _ id: String, _ summary: String, _ object: Any) {
            do {
                let data = try Self.json(object)
                route(path, id, summary) { _ in data }
            } catch {
                preconditionFailure("discovery document \(path) cannot be encoded: \(error)")
            }
        }
        fixed("/version", "Kube_Version", "Server version; kubectl picks its client by the minor.", [
            "major": "1", "minor": "32", "gitVersion": "v1.32.0+berth-\(serverVersion)", "gitCommit": "", "gitTreeState": "clean",
            "buildDate": "", "goVersion": "", "compiler": "swift", "platform": "linux/amd64",
        ])
        // Only Secrets of the core group are served (pull credentials for imports).
        route("/api", "Kube_APIVersions", "Core API versions.") { request in
            try Self.json([
                "kind": "APIVersions", "versions": ["v1"],
                "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": request.head.authority ?? "127.0.0.1"]],
            ])
        }
        fixed("/api/v1", "Kube_CoreResources", "Core v1 resources served: secrets.", [
            "kind": "APIResourceList", "groupVersion": "v1",
            "resources": [["name": "secrets", "singularName": "secret", "namespaced": true, "kind": "Secret",
                           "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]]],
        ])
        let version = ["groupVersion": Self.groupVersion, "version": "v1"]
        let group: [String: Any] = ["name": Self.group, "versions": [version], "preferredVersion": version]
        fixed("/apis", "Kube_APIGroups", "API groups.", ["kind": "APIGroupList", "apiVersion": "v1", "groups": [group]])
        fixed("/apis/image.openshift.io", "Kube_ImageGroup", "The image.openshift.io group.",
                  group.merging(["kind": "APIGroup", "apiVersion": "v1"]) { a, _ in a })
        let resources: Any
        do {
            resources = try JSONSerialization.jsonObject(with: JSONEncoder().encode(APIResourceInfo.imageV1))
        } catch {
            preconditionFailure("the resource list cannot be encoded: \(error)")
        }
        fixed("/apis/image.openshift.io/v1", "Kube_ImageResources", "Resources of image.openshift.io/v1.",
                  ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": Self.groupVersion, "resources": resources])
    }
}
