import BerthHTTP
import BerthModel
import BerthSearch
import BerthServices
import Foundation
import Hummingbird
import NIOCore

/// `v1.ImageService` over REST.
struct RoxImageRoutes {
    let images: ImageService

    struct ScanRequest: Decodable {
        @Defaulted var imageName: String
        @Defaulted var force: Bool
        @Defaulted var includeSnoozed: Bool
        @Defaulted var cluster: String
    }

    struct ListResponse: Encodable { var images: [ListImage] }
    struct CountResponse: Encodable { var count: Int32 }
    struct DeleteResponse: Encodable {
        var numDeleted: UInt32
        var dryRun: Bool
    }
    struct WatchRequest: Decodable { @Defaulted var name: String }
    struct WatchResponse: Encodable {
        var normalizedName: String
        var errorType: String
        var errorMessage: String
    }
    struct WatchedList: Encodable { var watchedImages: [WatchedImage] }
    struct ExportLine: Encodable {
        struct Result: Encodable { var image: Image }
        var result: Result
    }

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        catalog.addSchemas(RoxImageSchemas.all)
        let tag = "ImageService"
        let images = self.images
        func responses(_ ok: String) -> [APIResponse] { RoxIntegrationSchemas.responses(ok) }

        catalog.register(
            APIOperation(
                .post, "/v1/images/scan", operationId: "ImageService_ScanImage",
                summary: "Fetches an image's manifest and config from its registry and stores it by digest.", tag: tag,
                access: Access(.scan, .image), requestBody: Schema.ref("V1ScanImageRequest"), responses: responses("StorageImage")
            ), on: router
        ) { request, _ in
            var request = request
            let scan = try await RoxJSON.decode(ScanRequest.self, from: &request)
            if !scan.cluster.isEmpty {
                throw BerthError.notFound("cluster \"\(scan.cluster)\" not found, ensure cluster exists and have access")
            }
            let image = try await images.scan(imageName: scan.imageName, force: scan.force)
            return try RoxJSON.response(image.roxView, request: request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/images", operationId: "ImageService_ListImages", summary: "Lists images matching a search query.",
                tag: tag, access: .read(.image), parameters: RoxImageSchemas.queryParameters, responses: responses("V1ListImagesResponse")
            ), on: router
        ) { request, _ in
            let query = RoxQuery(request)
            let matched = try await Self.search(images, query: query, prefix: "", defaultLimit: 1000, maxLimit: 1000)
            return try RoxJSON.response(ListResponse(images: matched.map(ListImage.init)), request: request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/imagescount", operationId: "ImageService_CountImages", summary: "Counts images matching a search query.",
                tag: tag, access: .read(.image), parameters: RoxImageSchemas.queryParameters, responses: responses("V1CountImagesResponse")
            ), on: router
        ) { request, _ in
            let query = RoxQuery(request)
            let search = try ImageSearch.parse(query.string("query"))
            let count = try await images.search(search).count
            return try RoxJSON.response(CountResponse(count: Int32(clamping: count)), request: request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/images/{id}", operationId: "ImageService_GetImage", summary: "Returns one image by digest (bare hex means sha256).",
                tag: tag, access: .read(.image),
                parameters: [
                    APIParameter("id", in: .path), APIParameter("includeSnoozed", in: .query, schema: Schema.boolean),
                    APIParameter("stripDescription", in: .query, schema: Schema.boolean),
                ],
                responses: responses("StorageImage")
            ), on: router
        ) { request, context in
            let query = RoxQuery(request)
            _ = try query.bool("includeSnoozed")
            _ = try query.bool("stripDescription")
            return try RoxJSON.response(try await images.get(id: try context.pathParameter("id")).roxView, request: request)
        }

        catalog.register(
            APIOperation(
                .delete, "/v1/images", operationId: "ImageService_DeleteImages",
                summary: "Deletes the images a query matches; without confirm=true only counts them (dry run).", tag: tag,
                access: .write(.image),
                parameters: [
                    APIParameter("query.query", in: .query), APIParameter("query.pagination.limit", in: .query, schema: Schema.integer),
                    APIParameter("query.pagination.offset", in: .query, schema: Schema.integer),
                    APIParameter("confirm", in: .query, schema: Schema.boolean),
                ],
                responses: responses("V1DeleteImagesResponse")
            ), on: router
        ) { request, _ in
            let query = RoxQuery(request)
            guard query.parameters.keys.contains(where: { $0.hasPrefix("query.") }) else {
                throw BerthError.invalid("a scoping query is required: pass query.query (an empty value matches every image)")
            }
            let confirm = try query.bool("confirm") ?? false
            let matched = try await Self.search(images, query: query, prefix: "query.", defaultLimit: Int(Int32.max), maxLimit: Int(Int32.max))
            if confirm { try await images.delete(ids: matched.map(\.id)) }
            return try RoxJSON.response(DeleteResponse(numDeleted: UInt32(matched.count), dryRun: !confirm), request: request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/images/cache/invalidate", operationId: "ImageService_InvalidateScanAndRegistryCaches",
                summary: "Empties the scan cache, so the next scan of every name asks the registry.", tag: tag,
                access: .write(.image), responses: responses("Empty")
            ), on: router
        ) { request, _ in
            await images.invalidateCache()
            return try RoxJSON.empty(request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/export/images", operationId: "ImageService_ExportImages",
                summary: "Streams every matching image as newline-delimited {\"result\":{\"image\":…}} lines.", tag: tag,
                access: .read(.image),
                parameters: [APIParameter("query", in: .query), APIParameter("timeout", in: .query, schema: Schema.integer)],
                responses: [
                    APIResponse("200", "A stream of results.", schema: nil, contentType: "application/json"),
                    APIResponse("default", "An unexpected error response.", schema: Schema.ref("RoxError")),
                ]
            ), on: router
        ) { request, _ in
            let query = RoxQuery(request)
            let search = try ImageSearch.parse(query.string("query"))
            let timeout = try query.int32("timeout") ?? 0
            let deadline = timeout > 0 ? ContinuousClock.now + .seconds(Int(timeout)) : nil
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = ResponseBody { writer in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.withoutEscapingSlashes]
                do {
                    for try await page in images.pages() {
                        for image in page where search.matches(SearchableImage(image)) {
                            if let deadline, ContinuousClock.now > deadline {
                                throw BerthError(.deadlineExceeded, "export did not finish within \(timeout) seconds")
                            }
                            var line = try encoder.encode(ExportLine(result: .init(image: image.roxView)))
                            line.append(0x0A)
                            try await writer.write(ByteBuffer(bytes: line))
                        }
                    }
                } catch {
                    let berthError = error as? BerthError ?? BerthError.internalError("export failed")
                    let status = #"{"error":{"code":\#(RoxStatus.grpcCode(berthError.code)),"message":\#(Self.jsonString(berthError.message)),"details":[]}}"# + "\n"
                    try await writer.write(ByteBuffer(string: status))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }

        catalog.register(
            APIOperation(
                .post, "/v1/watchedimages", operationId: "ImageService_WatchImage",
                summary: "Scans a name now and re-scans it on an interval; failures come back in the body with HTTP 200.", tag: tag,
                access: .write(.watchedImage), requestBody: Schema.ref("V1WatchImageRequest"), responses: responses("V1WatchImageResponse")
            ), on: router
        ) { request, _ in
            var request = request
            let watch = try await RoxJSON.decode(WatchRequest.self, from: &request)
            let result = try await images.watch(name: watch.name)
            return try RoxJSON.response(
                WatchResponse(normalizedName: result.normalizedName, errorType: result.errorType, errorMessage: result.errorMessage),
                request: request
            )
        }

        catalog.register(
            APIOperation(
                .get, "/v1/watchedimages", operationId: "ImageService_GetWatchedImages", summary: "Lists watched image names.",
                tag: tag, access: .read(.watchedImage), responses: responses("V1GetWatchedImagesResponse")
            ), on: router
        ) { request, _ in
            try RoxJSON.response(WatchedList(watchedImages: try await images.watchedImages()), request: request)
        }

        catalog.register(
            APIOperation(
                .delete, "/v1/watchedimages", operationId: "ImageService_UnwatchImage",
                summary: "Stops watching a name (exact match); unknown names succeed.", tag: tag, access: .write(.watchedImage),
                parameters: [APIParameter("name", in: .query)], responses: responses("Empty")
            ), on: router
        ) { request, _ in
            try await images.unwatch(name: RoxQuery(request).string("name") ?? "")
            return try RoxJSON.empty(request)
        }
    }

    /// Query, sort and page the catalogue as ListImages and DeleteImages read them.
    static func search(_ images: ImageService, query: RoxQuery, prefix: String, defaultLimit: Int, maxLimit: Int) async throws -> [Image] {
        let search = try ImageSearch.parse(query.string(prefix + "query"))
        var limit = Int(try query.int32(prefix + "pagination.limit") ?? 0)
        if limit <= 0 || limit > maxLimit { limit = defaultLimit }
        let offset = max(0, Int(try query.int32(prefix + "pagination.offset") ?? 0))
        let pagination = SearchPagination(
            limit: limit, offset: offset, sortField: query.string(prefix + "pagination.sortOption.field"),
            reversed: try query.bool(prefix + "pagination.sortOption.reversed") ?? false
        )
        let matched = try await images.search(search).map(SearchableImage.init)
        do {
            return try sortedPage(matched, fields: ImageSearch.fields, pagination: pagination).map(\.image)
        } catch {
            throw BerthError.invalid("\(error.message): invalid arguments")
        }
    }

    static func jsonString(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }
}
