import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird
import NIOCore

/// Serves one ``ResourceEndpoint`` on every path Kubernetes gives it — collection and item,
/// namespaced and cluster-wide, the deprecated `/watch/` forms, subresources — with list,
/// watch, Table output, dry runs, field validation and patches written once for every kind.
struct KubeResourceRoutes {
    let endpoint: any ResourceEndpoint
    /// `/apis/image.openshift.io/v1` or `/api/v1`.
    let prefix: String
    let access: Access.Resource
    let schema: String
    let finder: UnknownFieldFinder

    var descriptor: ResourceDescriptor { endpoint.descriptor }

    /// Watches stream until their timeout: a fuzzer cannot judge them, so they are tagged apart.
    static let watchTag = "Kubernetes watches (streaming)"

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        let verbs = descriptor.verbs
        let parts = descriptor.name.split(separator: "/").map(String.init)
        let resource = parts[0]
        let tag = descriptor.group.isEmpty ? "Kubernetes core v1" : "OpenShift \(descriptor.group)"
        let idBase = "Kube_" + descriptor.kind + (parts.count > 1 ? "_" + parts[1] : "")
        let nsPrefix = descriptor.namespaced ? "\(prefix)/namespaces/{namespace}" : prefix
        let read = Access(.read, access), write = Access(.write, access)

        func route(_ method: HTTPRequest.Method, _ path: String, _ id: String, _ summary: String, _ operationAccess: Access, parameters: [APIParameter] = [],
                   streaming: Bool = false, _ handler: @escaping @Sendable (Request, BerthRequestContext) async throws -> Response) {
            var params = parameters
            if path.contains("{namespace}") { params.insert(APIParameter("namespace", in: .path), at: 0) }
            if path.contains("{name}") { params.insert(APIParameter("name", in: .path), at: 0) }
            params.append(APIParameter("pretty", in: .query))
            catalog.register(
                APIOperation(method, path, operationId: id, summary: summary, tag: streaming ? Self.watchTag : tag, access: operationAccess,
                             scope: path.contains("{namespace}") ? .namespace : .global, parameters: params,
                             responses: [APIResponse(method == .post ? "201" : "200", "the object, list or Status", schema: Schema.anyObject),
                                         APIResponse("default", "a metav1.Status", schema: Schema.anyObject)]),
                on: router
            ) { request, context in
                do {
                    return try await handler(request, context)
                } catch {
                    return KubeResponses.failure(KubeResponses.kubeError(error, logger: context.logger))
                }
            }
        }
        // `watch=true` on a list path streams until `timeoutSeconds`; the watch parameters are
        // documented on the `/watch/` paths, which carry their own tag.
        let plain: RouteMaker = { method, path, id, summary, access, parameters, handler in
            route(method, path, id, summary, access, parameters: parameters, handler)
        }
        let listParameters = ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "resourceVersionMatch"].map { APIParameter($0, in: .query) }
        let watchParameters = listParameters + ["timeoutSeconds", "allowWatchBookmarks", "sendInitialEvents"].map { APIParameter($0, in: .query) }
        let writeParameters = ["dryRun", "fieldManager", "fieldValidation"].map { APIParameter($0, in: .query) }

        if parts.count == 1 {
            let collection = "\(nsPrefix)/\(resource)"
            let item = "\(collection)/{name}"
            if verbs.contains("list") || verbs.contains("watch") {
                route(.get, collection, "\(idBase)_List", "Lists or watches \(resource).", read, parameters: listParameters) { request, context in
                    try await listOrWatch(request, context, namespace: namespace(context), forceWatch: false)
                }
                if descriptor.namespaced {
                    route(.get, "\(prefix)/\(resource)", "\(idBase)_ListAll", "Lists or watches \(resource) in every namespace.", read, parameters: listParameters) { request, context in
                        try await listOrWatch(request, context, namespace: nil, forceWatch: false)
                    }
                }
            } else if verbs.contains("create") {
                route(.get, collection, "\(idBase)_ListUnsupported", "\(resource) cannot be listed.", read) { _, _ in
                    throw KubeStatusError.methodNotAllowed("list", resource: resource, group: descriptor.group)
                }
            }
            if verbs.contains("watch") {
                route(.get, "\(prefix)/watch\(descriptor.namespaced ? "/namespaces/{namespace}" : "")/\(resource)", "\(idBase)_WatchList", "Watches \(resource) (deprecated path).", read, parameters: watchParameters, streaming: true) { request, context in
                    try await listOrWatch(request, context, namespace: namespace(context), forceWatch: true)
                }
                route(.get, "\(prefix)/watch\(descriptor.namespaced ? "/namespaces/{namespace}" : "")/\(resource)/{name}", "\(idBase)_WatchOne", "Watches one of \(resource) (deprecated path).", read, parameters: watchParameters, streaming: true) { request, context in
                    try await listOrWatch(request, context, namespace: namespace(context), forceWatch: true, name: try context.pathParameter("name"))
                }
                if descriptor.namespaced {
                    route(.get, "\(prefix)/watch/\(resource)", "\(idBase)_WatchAll", "Watches \(resource) in every namespace (deprecated path).", read, parameters: watchParameters, streaming: true) { request, context in
                        try await listOrWatch(request, context, namespace: nil, forceWatch: true)
                    }
                }
            }
            if verbs.contains("create") {
                route(.post, collection, "\(idBase)_Create", "Creates one of \(resource).", write, parameters: writeParameters) { request, context in
                    var request = request
                    let query = KubeQuery(request: request)
                    let dryRun = try query.dryRun()
                    let (body, warnings) = try await self.body(&request, query: query)
                    let created = try await endpoint.create(namespace: try namespace(context), body: body, dryRun: dryRun, caller: caller(context))
                    return try respond(created, request: request, status: .created, warnings: warnings)
                }
            }
            if verbs.contains("deletecollection") {
                route(.delete, collection, "\(idBase)_DeleteCollection", "Deletes every matching one of \(resource).", write, parameters: listParameters + writeParameters) { request, context in
                    let query = KubeQuery(request: request)
                    let dryRun = try query.dryRun()
                    var options = try query.listOptions(selectableFields: endpoint.selectableFields)
                    options.limit = nil
                    let namespace = try namespace(context)
                    let listed = try await endpoint.list(namespace: namespace, options: options, caller: caller(context))
                    var deleted: [JSONValue] = []
                    for item in listed.items {
                        guard let name = item["metadata"]?["name"]?.stringValue else { continue }
                        _ = try await endpoint.delete(namespace: item["metadata"]?["namespace"]?.stringValue ?? namespace, name: name,
                                                      options: DeleteOptions(dryRun: dryRun), caller: caller(context))
                        deleted.append(item)
                    }
                    return KubeResponses.json(["kind": .string(descriptor.listKind), "apiVersion": .string(descriptor.apiVersion),
                                               "metadata": ["resourceVersion": .string(listed.resourceVersion)], "items": .array(deleted)],
                                              pretty: try query.bool("pretty"))
                }
            }
            if verbs.contains("get") {
                route(.get, item, "\(idBase)_Get", "Reads one of \(resource).", read) { request, context in
                    let object = try await endpoint.get(namespace: try namespace(context), name: try context.pathParameter("name"), caller: caller(context))
                    return try respond(object, request: request)
                }
            } else {
                route(.get, item, "\(idBase)_GetUnsupported", "\(resource) cannot be read back.", read) { _, _ in
                    throw KubeStatusError.methodNotAllowed("get", resource: resource, group: descriptor.group)
                }
            }
            if verbs.contains("update") { registerUpdate(plain, item, idBase, resource, write, writeParameters) }
            if verbs.contains("patch") { registerPatch(plain, item, idBase, resource, write, writeParameters) }
            if verbs.contains("delete") {
                route(.delete, item, "\(idBase)_Delete", "Deletes one of \(resource).", write, parameters: writeParameters) { request, context in
                    var request = request
                    let query = KubeQuery(request: request)
                    var options = DeleteOptions(dryRun: try query.dryRun())
                    let data = try await request.collectJSONBody()
                    if !data.isEmpty, let body = try? JSONDecoder().decode(JSONValue.self, from: data) {
                        options.preconditionUID = body["preconditions"]?["uid"]?.stringValue
                        options.preconditionResourceVersion = body["preconditions"]?["resourceVersion"]?.stringValue
                        if let dry = body["dryRun"]?.arrayValue, dry.contains(.string("All")) { options.dryRun = true }
                    }
                    let result = try await endpoint.delete(namespace: try namespace(context), name: try context.pathParameter("name"), options: options, caller: caller(context))
                    return KubeResponses.json(result, pretty: try query.bool("pretty"))
                }
            }
        } else {
            let path = "\(nsPrefix)/\(resource)/{name}/\(parts[1])"
            if verbs.contains("get") {
                route(.get, path, "\(idBase)_Get", "Reads \(descriptor.name).", read, parameters: listParameters) { request, context in
                    let object = try await endpoint.get(namespace: try namespace(context), name: try context.pathParameter("name"), caller: caller(context))
                    return try respond(object, request: request)
                }
            }
            if verbs.contains("update") { registerUpdate(plain, path, idBase, descriptor.name, write, writeParameters) }
            if verbs.contains("patch") { registerPatch(plain, path, idBase, descriptor.name, write, writeParameters) }
        }
    }

    typealias RouteMaker = (HTTPRequest.Method, String, String, String, Access, [APIParameter], @escaping @Sendable (Request, BerthRequestContext) async throws -> Response) -> Void

    func registerUpdate(_ route: RouteMaker,
                        _ path: String, _ idBase: String, _ resource: String, _ write: Access, _ parameters: [APIParameter]) {
        route(.put, path, "\(idBase)_Replace", "Replaces one of \(resource).", write, parameters) { request, context in
            var request = request
            let query = KubeQuery(request: request)
            let dryRun = try query.dryRun()
            let (body, warnings) = try await self.body(&request, query: query)
            let (object, created) = try await endpoint.update(namespace: try namespace(context), name: try context.pathParameter("name"), body: body, dryRun: dryRun, caller: caller(context))
            return try respond(object, request: request, status: created ? .created : .ok, warnings: warnings)
        }
    }

    func registerPatch(_ route: RouteMaker,
                       _ path: String, _ idBase: String, _ resource: String, _ write: Access, _ parameters: [APIParameter]) {
        route(.patch, path, "\(idBase)_Patch", "Patches one of \(resource) (JSON, merge or strategic merge patch).", write, parameters + [APIParameter("force", in: .query)]) { request, context in
            var request = request
            let query = KubeQuery(request: request)
            let dryRun = try query.dryRun()
            let contentType = (request.headers[.contentType] ?? "").split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            guard let type = PatchType(rawValue: contentType) else {
                throw KubeStatusError(code: 415, reason: "UnsupportedMediaType",
                                      message: "the body of the request was in an unknown format - accepted media types include: \(PatchType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let data = try await request.collectJSONBody()
            let patch: JSONValue
            if type == .json {
                // RFC 6902 refuses an operation with a repeated member; JSONDecoder would keep one.
                do { patch = try JSONPatch.decode(data) } catch let error as BerthError { throw KubeStatusError.badRequest(error.message) }
            } else {
                guard let decoded = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                    throw KubeStatusError.badRequest("the patch is not valid JSON")
                }
                patch = decoded
            }
            let (object, created) = try await endpoint.patch(namespace: try namespace(context), name: try context.pathParameter("name"), patch: patch, type: type, dryRun: dryRun, caller: caller(context))
            return try respond(object, request: request, status: created ? .created : .ok)
        }
    }

    func namespace(_ context: BerthRequestContext) throws -> String? {
        guard descriptor.namespaced else { return nil }
        guard let namespace = context.optionalPathParameter("namespace") else { return nil }
        guard KubeNames.isDNSLabel(namespace) else {
            throw KubeStatusError.badRequest("namespace \"\(namespace)\" is not a valid namespace name (a lowercase RFC 1123 label)")
        }
        return namespace
    }

    func caller(_ context: BerthRequestContext) -> ResourceCaller {
        ResourceCaller(principal: context.principal)
    }

    /// The request body as JSON, checked against the kind's schema per `fieldValidation`.
    func body(_ request: inout Request, query: KubeQuery) async throws -> (JSONValue, [String]) {
        let mode = try query.fieldValidation()
        let data = try await request.collectJSONBody()
        guard !data.isEmpty else { throw KubeStatusError.badRequest("the request has no body: send the object as JSON") }
        let body: JSONValue
        do {
            body = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw KubeStatusError.badRequest("the body of the request is not valid JSON")
        }
        guard body.objectValue != nil else { throw KubeStatusError.badRequest("the body of the request must be a JSON object") }
        if let kind = body["kind"]?.stringValue, kind != descriptor.kind {
            throw KubeStatusError.badRequest("the body is a \(kind), but this path takes a \(descriptor.kind)")
        }
        guard mode != "Ignore" else { return (body, []) }
        let unknown = finder.unknownFields(in: body, schema: schema)
        if unknown.isEmpty { return (body, []) }
        if mode == "Strict" {
            throw KubeStatusError.badRequest("strict decoding error: " + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
        }
        return (body, unknown.map { "unknown field \"\($0)\"" })
    }

    func respond(_ object: JSONValue, request: Request, status: HTTPResponse.Status = .ok, warnings: [String] = []) throws -> Response {
        let query = KubeQuery(request: request)
        if KubeTableBuilder.wantsTable(request.headers[.accept]), object["kind"]?.stringValue == descriptor.kind {
            let table = KubeTableBuilder.table([object], table: endpoint.table, resourceVersion: object["metadata"]?["resourceVersion"]?.stringValue,
                                               continueToken: nil, includeObject: query.string("includeObject"))
            return KubeResponses.json(table, status: status, pretty: try query.bool("pretty"))
        }
        return KubeResponses.json(object, status: status, pretty: try query.bool("pretty"), warnings: warnings)
    }

    func listOrWatch(_ request: Request, _ context: BerthRequestContext, namespace: String?, forceWatch: Bool, name: String? = nil) async throws -> Response {
        let query = KubeQuery(request: request)
        var options = try query.listOptions(selectableFields: endpoint.selectableFields, forWatch: forceWatch)
        if let name {
            options.fieldSelector = try FieldSelector(parsing: "metadata.name=\(name)", supportedFields: ["metadata.name"])
        }
        let table = KubeTableBuilder.wantsTable(request.headers[.accept])
        let watchRequested = try query.bool("watch")
        if forceWatch || watchRequested {
            guard descriptor.verbs.contains("watch") else {
                throw KubeStatusError.methodNotAllowed("watch", resource: descriptor.name, group: descriptor.group)
            }
            return try await watch(namespace: namespace, options: options, context: context, table: table, includeObject: query.string("includeObject"))
        }
        guard descriptor.verbs.contains("list") else { throw KubeStatusError.methodNotAllowed("list", resource: descriptor.name, group: descriptor.group) }
        let list = try await endpoint.list(namespace: namespace, options: options, caller: caller(context))
        if table {
            let typed = list.items.map { KubeJSON.typed($0, kind: descriptor.kind, apiVersion: descriptor.apiVersion) }
            return KubeResponses.json(KubeTableBuilder.table(typed, table: endpoint.table, resourceVersion: list.resourceVersion, continueToken: list.continueToken,
                                                             includeObject: query.string("includeObject")), pretty: try query.bool("pretty"))
        }
        var metadata: [String: JSONValue] = ["resourceVersion": .string(list.resourceVersion)]
        if let token = list.continueToken { metadata["continue"] = .string(token) }
        if let remaining = list.remainingItemCount { metadata["remainingItemCount"] = .number(Double(remaining)) }
        return KubeResponses.json(["kind": .string(descriptor.listKind), "apiVersion": .string(descriptor.apiVersion),
                                   "metadata": .object(metadata), "items": .array(list.items)], pretty: try query.bool("pretty"))
    }

    /// A chunked stream of newline-terminated events, flushed one by one, ending cleanly at
    /// `timeoutSeconds` (30 minutes without it).
    func watch(namespace: String?, options: ListOptions, context: BerthRequestContext, table: Bool, includeObject: String?) async throws -> Response {
        let events = try await endpoint.watch(namespace: namespace, options: options, caller: caller(context))
        let timeout = Duration.seconds(options.timeoutSeconds ?? 1800)
        let resourceTable = endpoint.table
        let kind = descriptor.kind, apiVersion = descriptor.apiVersion
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        // The stream ends at the deadline or when the source ends, whichever is first.
        let bounded = AsyncThrowingStream<ResourceWatchEvent, Error> { continuation in
            let feeder = Task {
                do {
                    for try await event in events { continuation.yield(event) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                continuation.finish()
            }
            continuation.onTermination = { _ in
                feeder.cancel()
                timer.cancel()
            }
        }
        let body = ResponseBody { writer in
            var first = true
            for try await event in bounded {
                var object = event.object
                if event.type == "BOOKMARK", var fields = object.objectValue {
                    fields["kind"] = .string(kind)
                    fields["apiVersion"] = .string(apiVersion)
                    object = .object(fields)
                } else if table, event.type != "ERROR" {
                    object = KubeTableBuilder.table([object], table: resourceTable, resourceVersion: object["metadata"]?["resourceVersion"]?.stringValue,
                                                    continueToken: nil, includeObject: includeObject, withColumns: first)
                    first = false
                }
                var line = KubeResponses.encode(["type": .string(event.type), "object": object], pretty: false)
                line.append(0x0A)
                try await writer.write(ByteBuffer(bytes: line))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
