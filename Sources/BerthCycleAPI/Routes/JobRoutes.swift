import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// `GET /v1/jobs/{jobId}`: how a Cycle client follows a delete or an import to its end.
struct JobRoutes {
    let sources: ImageSourceService
    let retention: Duration

    func register(_ r: CycleRouter) {
        let sources = self.sources, retention = self.retention
        r.route(.get, "/v1/jobs/{jobId}", "getJob", "Returns a job of the hub: a source deletion needs images-sources-view, an import images-view.",
                capability: .imagesView, orAlso: [.imagesSourcesView], notFound: "404.job", parameters: [APIParameter("jobId", in: .path)]) { call in
            let job = try await sources.job(hub: call.hub, id: try call.context.pathParameter("jobId"))
            let needed: HubCapability = job.type == ImageSourceService.deleteJobType ? .imagesSourcesView : .imagesView
            guard call.has(needed) else {
                throw CycleError.permissions(needed, "job \(job.id) belongs to \(needed == .imagesView ? "an image" : "an image source"); following it needs the \(needed.rawValue) capability")
            }
            return CycleResponses.document(JobViews.job(job, retention: retention))
        }
    }
}
