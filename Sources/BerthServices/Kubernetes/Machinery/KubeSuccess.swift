import BerthModel

/// The `Status` a delete (or a mapping) answers with on success.
public enum KubeSuccess {
    public static func status(name: String? = nil, group: String? = nil, resource: String? = nil, uid: String? = nil, code: Int? = nil) -> JSONValue {
        var body: [String: JSONValue] = ["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success"]
        if let name {
            body["details"] = ["name": .string(name), "group": .string(group ?? ""), "kind": .string(resource ?? ""), "uid": .string(uid ?? "")]
        }
        if let code { body["code"] = .number(Double(code)) }
        return .object(body)
    }
}
