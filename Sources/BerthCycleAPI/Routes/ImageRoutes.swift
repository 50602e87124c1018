import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// `POST /v1/images` (an image shell from a source) and `POST /v1/images/{id}/tasks`
/// (import it). StackRox has neither path, so they sit beside its `/v1/images` routes; the
/// imported image is the catalogue image both dialects show.
struct ImageRoutes {
    let sources: ImageSourceService

    func register(_ r: CycleRouter) {
        let sources = self.sources
        r.route(.post, "/v1/images", "createImage", "Creates an image from an image source; a task imports it.", capability: .imagesManage,
                notFound: ImageSourceRoutes.notFound, body: Schema.anyObject, success: "201") { call in
            let (sourceID, name, override) = try ImageSourceBodies.image(try await CycleRouter.body(&call))
            let source = try await sources.get(hub: call.hub, id: sourceID)
            try call.requireACL(source, .view)
            let image = try await sources.createImage(hub: call.hub, sourceID: sourceID, name: name, override: override, creator: call.creator)
            return CycleResponses.document(try CycleResponses.value(image), status: .created)
        }
        r.route(.post, "/v1/images/{id}/tasks", "createImageJob", "Runs a task on an image: `import` fetches it through its source's origin.",
                capability: .imagesManage, notFound: "404.image", parameters: [APIParameter("id", in: .path)], body: Schema.anyObject) { call in
            _ = try ImageSourceBodies.task(try await CycleRouter.body(&call))
            let id = try call.context.pathParameter("id")
            let image = try await sources.image(hub: call.hub, id: id)
            let source = try await sources.get(hub: call.hub, id: image.source.details.id)
            try call.requireACL(source, .view)
            guard source.state.current == "live" else {
                throw CycleError(403, "403.invalid-state", "Invalid state", "image source \(source.id) is \(source.state.current); only a live source can be imported from")
            }
            let job = try await sources.importImage(hub: call.hub, id: id, creator: call.creator)
            return CycleResponses.document(JobViews.descriptor(job))
        }
    }
}
