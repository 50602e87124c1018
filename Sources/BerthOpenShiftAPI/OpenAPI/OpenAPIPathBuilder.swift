import BerthModel

/// Accumulates the `paths` of one group version document, one resource at a time, with the
/// operation ids, actions, GVKs, parameters and bodies the apiserver's installer would give
/// them. Only the verbs a resource is declared with get an operation: a PATCH advertised here
/// makes kubectl send strategic merge patches and `fieldValidation=Strict` to that path.
struct OpenAPIPathBuilder {
    enum Verb: Sendable {
        case list, watch, create, deleteCollection, get, update, patch, delete
    }

    let groupVersion: OpenAPIGroupVersion
    private(set) var paths: [String: [String: JSONValue]] = [:]

    init(_ groupVersion: OpenAPIGroupVersion) {
        self.groupVersion = groupVersion
    }

    var pathsObject: JSONValue {
        .object(paths.mapValues { .object($0) })
    }

    /// A resource and its collection: `plural`, `plural/{name}`, the deprecated `watch/` paths
    /// and, for namespaced resources listed across namespaces, the cluster-wide list.
    /// `createResponse` names the schema POST answers with when it is not the kind itself
    /// (ImageStreamMapping answers with a Status).
    mutating func addResource(
        plural: String,
        kind: String,
        listKind: String? = nil,
        namespaced: Bool,
        verbs: Set<Verb>,
        listAllNamespaces: Bool = false,
        createResponse: String? = nil
    ) {
        let infix = groupVersion.operationIdInfix
        let scope = namespaced ? "Namespaced" : ""
        let nsSegment = namespaced ? "/namespaces/{namespace}" : ""
        let collection = groupVersion.pathPrefix + nsSegment + "/" + plural
        let item = collection + "/{name}"
        let watchCollection = groupVersion.pathPrefix + "/watch" + nsSegment + "/" + plural
        let scopeParameters: [JSONValue] = namespaced ? [OpenAPIParameters.namespace] : []
        let object = schemaName(kind)
        let list = listKind.map(schemaName)
        let watchable = verbs.contains(.watch)

        if verbs.contains(.list), let list {
            add(collection, "get", operation(
                action: "list",
                id: "list\(infix)\(scope)\(kind)",
                description: watchable ? "list or watch objects of kind \(kind)" : "list objects of kind \(kind)",
                kind: kind,
                parameters: OpenAPIParameters.list,
                responses: ["200": response("OK", list, streaming: watchable)]
            ))
            if namespaced && listAllNamespaces {
                add(groupVersion.pathPrefix + "/" + plural, "get", operation(
                    action: "list",
                    id: "list\(infix)\(kind)ForAllNamespaces",
                    description: watchable ? "list or watch objects of kind \(kind)" : "list objects of kind \(kind)",
                    kind: kind,
                    parameters: OpenAPIParameters.list,
                    responses: ["200": response("OK", list, streaming: watchable)]
                ))
                setPathParameters(groupVersion.pathPrefix + "/" + plural, [OpenAPIParameters.pretty])
            }
        }
        if verbs.contains(.create) {
            let produced = createResponse ?? object
            add(collection, "post", operation(
                action: "post",
                id: "create\(infix)\(scope)\(kind)",
                description: "create \(article(kind)) \(kind)",
                kind: kind,
                parameters: OpenAPIParameters.write,
                requestBody: body(object),
                responses: [
                    "200": response("OK", produced),
                    "201": response("Created", produced),
                    "202": response("Accepted", produced),
                ]
            ))
        }
        if verbs.contains(.deleteCollection) {
            add(collection, "delete", operation(
                action: "deletecollection",
                id: "delete\(infix)Collection\(scope)\(kind)",
                description: "delete collection of \(kind)",
                kind: kind,
                parameters: OpenAPIParameters.deleteCollection,
                requestBody: body(KubernetesSchemas.deleteOptions),
                responses: ["200": response("OK", KubernetesSchemas.status)]
            ))
        }
        if paths[collection] != nil {
            setPathParameters(collection, scopeParameters + [OpenAPIParameters.pretty])
        }

        if verbs.contains(.get) {
            add(item, "get", operation(
                action: "get",
                id: "read\(infix)\(scope)\(kind)",
                description: "read the specified \(kind)",
                kind: kind,
                responses: ["200": response("OK", object)]
            ))
        }
        if verbs.contains(.update) {
            add(item, "put", operation(
                action: "put",
                id: "replace\(infix)\(scope)\(kind)",
                description: "replace the specified \(kind)",
                kind: kind,
                parameters: OpenAPIParameters.write,
                requestBody: body(object),
                responses: ["200": response("OK", object), "201": response("Created", object)]
            ))
        }
        if verbs.contains(.patch) {
            add(item, "patch", patchOperation(
                id: "patch\(infix)\(scope)\(kind)",
                description: "partially update the specified \(kind)",
                kind: kind,
                object: object
            ))
        }
        if verbs.contains(.delete) {
            add(item, "delete", operation(
                action: "delete",
                id: "delete\(infix)\(scope)\(kind)",
                description: "delete \(article(kind)) \(kind)",
                kind: kind,
                parameters: OpenAPIParameters.delete,
                requestBody: body(KubernetesSchemas.deleteOptions),
                responses: [
                    "200": response("OK", KubernetesSchemas.status),
                    "202": response("Accepted", KubernetesSchemas.status),
                ]
            ))
        }
        if paths[item] != nil {
            setPathParameters(item, [OpenAPIParameters.name(of: kind)] + scopeParameters + [OpenAPIParameters.pretty])
        }

        if watchable {
            add(watchCollection, "get", operation(
                action: "watchlist",
                id: "watch\(infix)\(scope)\(kind)List",
                description: "watch individual changes to a list of \(kind). deprecated: use the 'watch' parameter with a list operation instead.",
                kind: kind,
                parameters: OpenAPIParameters.list,
                responses: ["200": response("OK", KubernetesSchemas.watchEvent, streaming: true)]
            ))
            setPathParameters(watchCollection, scopeParameters + [OpenAPIParameters.pretty])
            if namespaced && listAllNamespaces {
                let path = groupVersion.pathPrefix + "/watch/" + plural
                add(path, "get", operation(
                    action: "watchlist",
                    id: "watch\(infix)\(kind)ListForAllNamespaces",
                    description: "watch individual changes to a list of \(kind). deprecated: use the 'watch' parameter with a list operation instead.",
                    kind: kind,
                    parameters: OpenAPIParameters.list,
                    responses: ["200": response("OK", KubernetesSchemas.watchEvent, streaming: true)]
                ))
                setPathParameters(path, [OpenAPIParameters.pretty])
            }
            if verbs.contains(.get) {
                let path = watchCollection + "/{name}"
                add(path, "get", operation(
                    action: "watch",
                    id: "watch\(infix)\(scope)\(kind)",
                    description: "watch changes to an object of kind \(kind). deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.",
                    kind: kind,
                    parameters: OpenAPIParameters.list,
                    responses: ["200": response("OK", KubernetesSchemas.watchEvent, streaming: true)]
                ))
                setPathParameters(path, [OpenAPIParameters.name(of: kind)] + scopeParameters + [OpenAPIParameters.pretty])
            }
        }
    }

    /// `parentPlural/{name}/subresource`. The GVK, bodies and responses are `kind`'s (the
    /// parent's for `status`); the operation id names the parent, as the installer does.
    /// `takesListParameters` covers `imagestreams/{name}/secrets`, which answers with a list.
    mutating func addSubresource(
        parentPlural: String,
        parentKind: String,
        subresource: String,
        kind: String,
        namespaced: Bool,
        verbs: Set<Verb>,
        takesListParameters: Bool = false
    ) {
        let infix = groupVersion.operationIdInfix
        let scope = namespaced ? "Namespaced" : ""
        let nsSegment = namespaced ? "/namespaces/{namespace}" : ""
        let path = groupVersion.pathPrefix + nsSegment + "/" + parentPlural + "/{name}/" + subresource
        let suffix = subresource.prefix(1).uppercased() + subresource.dropFirst()
        let object = schemaName(kind)

        if verbs.contains(.get) {
            add(path, "get", operation(
                action: "get",
                id: "read\(infix)\(scope)\(parentKind)\(suffix)",
                description: "read \(subresource) of the specified \(parentKind)",
                kind: kind,
                parameters: takesListParameters ? OpenAPIParameters.list : [],
                responses: ["200": response("OK", object)]
            ))
        }
        if verbs.contains(.update) {
            add(path, "put", operation(
                action: "put",
                id: "replace\(infix)\(scope)\(parentKind)\(suffix)",
                description: "replace \(subresource) of the specified \(parentKind)",
                kind: kind,
                parameters: OpenAPIParameters.write,
                requestBody: body(object),
                responses: ["200": response("OK", object), "201": response("Created", object)]
            ))
        }
        if verbs.contains(.patch) {
            add(path, "patch", patchOperation(
                id: "patch\(infix)\(scope)\(parentKind)\(suffix)",
                description: "partially update \(subresource) of the specified \(parentKind)",
                kind: kind,
                object: object
            ))
        }
        let scopeParameters: [JSONValue] = namespaced ? [OpenAPIParameters.namespace] : []
        setPathParameters(path, [OpenAPIParameters.name(of: kind)] + scopeParameters + [OpenAPIParameters.pretty])
    }

    // MARK: - Nodes

    private func schemaName(_ kind: String) -> String {
        groupVersion.group.isEmpty ? KubernetesSchemas.core + kind : ImageV1Schemas.name(kind)
    }

    private mutating func add(_ path: String, _ method: String, _ operation: JSONValue) {
        paths[path, default: [:]][method] = operation
    }

    private mutating func setPathParameters(_ path: String, _ parameters: [JSONValue]) {
        paths[path, default: [:]]["parameters"] = .array(parameters)
    }

    private func operation(
        action: String,
        id: String,
        description: String,
        kind: String,
        parameters: [JSONValue] = [],
        requestBody: JSONValue? = nil,
        responses: [String: JSONValue]
    ) -> JSONValue {
        var node: [String: JSONValue] = [
            "tags": [.string(groupVersion.tag)],
            "description": .string(description),
            "operationId": .string(id),
            "responses": .object(responses.merging(["401": ["description": "Unauthorized"]]) { own, _ in own }),
            "x-kubernetes-action": .string(action),
            // A single object here, where schemas carry a list: client-go decodes it as a map.
            "x-kubernetes-group-version-kind": OpenAPISchema.gvkObject(group: groupVersion.group, version: groupVersion.version, kind: kind),
        ]
        if !parameters.isEmpty { node["parameters"] = .array(parameters) }
        if let requestBody { node["requestBody"] = requestBody }
        return .object(node)
    }

    /// kubectl apply sends a strategic merge patch only when the PATCH body lists
    /// `application/strategic-merge-patch+json`; without it, it falls back to OpenAPI v2.
    private func patchOperation(id: String, description: String, kind: String, object: String) -> JSONValue {
        let patchSchema: JSONValue = ["schema": OpenAPISchema.ref(KubernetesSchemas.patch)]
        return operation(
            action: "patch",
            id: id,
            description: description,
            kind: kind,
            parameters: OpenAPIParameters.patch,
            requestBody: [
                "content": [
                    "application/json-patch+json": patchSchema,
                    "application/merge-patch+json": patchSchema,
                    "application/strategic-merge-patch+json": patchSchema,
                    "application/apply-patch+yaml": patchSchema,
                ],
                "required": true,
            ],
            responses: ["200": response("OK", object), "201": response("Created", object)]
        )
    }

    private func body(_ schema: String) -> JSONValue {
        ["content": ["*/*": ["schema": OpenAPISchema.ref(schema)]], "required": true]
    }

    private func response(_ description: String, _ schema: String, streaming: Bool = false) -> JSONValue {
        var content: [String: JSONValue] = ["application/json": ["schema": OpenAPISchema.ref(schema)]]
        if streaming {
            content["application/json;stream=watch"] = ["schema": OpenAPISchema.ref(schema)]
        }
        return ["description": .string(description), "content": .object(content)]
    }

    private func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "AEIOU".contains(first) ? "an" : "a"
    }
}
