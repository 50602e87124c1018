/// `metav1.Status`: the one error body Kubernetes clients understand. kubectl prints
/// `Error from server (<reason>): <message>`; the Python client maps `code` to its
/// exception types and reads `message` only when the content type is `application/json`.
struct KubeStatus: Encodable {
    struct Details: Encodable {
        var name: String?
        var group: String?
        var kind: String?
    }

    let kind = "Status"
    let apiVersion = "v1"
    let metadata: [String: String] = [:]
    let status = "Failure"
    var message: String
    var reason: String
    var details: Details?
    var code: Int
}
