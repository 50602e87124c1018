import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// `/v1/images/sources…` (seed 003, reference A.1): list, create, get, update, delete as a
/// job, and the access route for ACLs.
struct ImageSourceRoutes {
    let sources: ImageSourceService
    let includes: SourceIncludes

    static let notFound = "404.image.source"
    static let listParameters = ["meta", "include", "filter[search]", "filter[identifier]", "filter[state]", "sort", "page[number]", "page[size]"]
        .map { APIParameter($0, in: .query) }
    static let getParameters = ["meta", "include"].map { APIParameter($0, in: .query) }

    func register(_ r: CycleRouter) {
        let sources = self.sources, includes = self.includes
        let id = [APIParameter("sourceId", in: .path)]
        r.route(.get, "/v1/images/sources", "getImageSources", "Lists the hub's image sources.", capability: .imagesSourcesView,
                notFound: Self.notFound, parameters: Self.listParameters) { call in
            let options = try CycleQuery(request: call.request).imageSourceQuery()
            let (meta, include) = try Self.extras(call)
            let role = call.role, isAdmin = call.isAdmin
            let visible = try await sources.list(hub: call.hub, query: options) { ImageSourceService.allows($0, role: role, isAdmin: isAdmin, .view) }
            let data = try await Self.views(visible, meta: meta, sources: sources, hub: call.hub)
            return CycleResponses.document(.array(data), includes: try await includes.build(visible, include: include, hub: call.hub))
        }
        r.route(.post, "/v1/images/sources", "createImageSource", "Creates an image source.", capability: .imagesSourcesManage,
                notFound: Self.notFound, body: Schema.anyObject, success: "201") { call in
            let draft = try ImageSourceBodies.create(try await CycleRouter.body(&call))
            let source = try await sources.create(hub: call.hub, draft: draft, creator: call.creator)
            return CycleResponses.document(try CycleResponses.value(source), status: .created)
        }
        r.route(.get, "/v1/images/sources/{sourceId}", "getImageSource", "Returns one image source.", capability: .imagesSourcesView,
                notFound: Self.notFound, parameters: id + Self.getParameters) { call in
            let (meta, include) = try Self.extras(call)
            let source = try await Self.source(call, sources: sources, needs: .view)
            let data = try await Self.views([source], meta: meta, sources: sources, hub: call.hub)
            return CycleResponses.document(data[0], includes: try await includes.build([source], include: include, hub: call.hub))
        }
        r.route(.patch, "/v1/images/sources/{sourceId}", "updateImageSource", "Updates an image source's name, identifier, origin, builder or about.",
                capability: .imagesSourcesManage, notFound: Self.notFound, parameters: id, body: Schema.anyObject) { call in
            let patch = try ImageSourceBodies.update(try await CycleRouter.body(&call))
            let source = try await Self.source(call, sources: sources, needs: .modify)
            let updated = try await sources.update(hub: call.hub, id: source.id, patch: patch)
            return CycleResponses.document(try CycleResponses.value(updated))
        }
        r.route(.delete, "/v1/images/sources/{sourceId}", "deleteImageSource", "Deletes an image source through a job; answers its Job Descriptor.",
                capability: .imagesSourcesManage, notFound: Self.notFound, parameters: id, success: "202") { call in
            let source = try await Self.source(call, sources: sources, needs: .manage)
            let (_, job) = try await sources.delete(hub: call.hub, id: source.id, creator: call.creator)
            return CycleResponses.document(JobViews.descriptor(job), status: .accepted)
        }
        r.route(.patch, "/v1/images/sources/{sourceId}/access", "updateImageSourceAccess",
                "Replaces an image source's ACL; with an ACL present the caller's role needs manage.",
                capability: .imagesSourcesManage, notFound: Self.notFound, parameters: id, body: Schema.anyObject) { call in
            let acl = try ImageSourceBodies.access(try await CycleRouter.body(&call))
            let source = try await Self.source(call, sources: sources, needs: .manage)
            let updated = try await sources.updateAccess(hub: call.hub, id: source.id, acl: acl)
            return CycleResponses.document(try CycleResponses.value(updated))
        }
    }

    /// The path's source in the caller's hub, if the caller's role passes its ACL.
    static func source(_ call: CycleCall, sources: ImageSourceService, needs privilege: ImageSourcePrivilege) async throws -> ImageSource {
        let source = try await sources.get(hub: call.hub, id: try call.context.pathParameter("sourceId"))
        try call.requireACL(source, privilege)
        return source
    }

    /// `meta` and `include` as the list and the get both take them; integrations are
    /// server-wide, so including them needs their own capability.
    static func extras(_ call: CycleCall) throws(CycleError) -> (meta: Set<String>, include: Set<String>) {
        let query = CycleQuery(request: call.request)
        let meta = try query.choices("meta", allowed: ["images_count"])
        let include = try query.choices("include", allowed: ["creators", "integrations"])
        if include.contains("integrations"), !call.has(.hubsIntegrationsView) {
            throw CycleError.permissions(.hubsIntegrationsView, "include=integrations needs the hubs-integrations-view capability in hub \(call.hub)")
        }
        return (meta, include)
    }

    static func views(_ list: [ImageSource], meta: Set<String>, sources: ImageSourceService, hub: String) async throws -> [JSONValue] {
        let counts = meta.contains("images_count") ? try await sources.imagesCount(hub: hub, sourceIDs: list.map(\.id)) : [:]
        return try list.map { source in
            var value = try CycleResponses.value(source)
            if let count = counts[source.id], case .object(var object) = value {
                object["meta"] = ["images_count": try CycleResponses.value(count)]
                value = .object(object)
            }
            return value
        }
    }
}
