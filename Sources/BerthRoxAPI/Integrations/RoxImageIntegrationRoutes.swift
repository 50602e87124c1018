import BerthHTTP
import BerthModel
import BerthServices
import Hummingbird

/// `v1.ImageIntegrationService` over REST, as grpc-gateway exposes it.
struct RoxImageIntegrationRoutes {
    let integrations: ImageIntegrationService

    struct ListResponse: Encodable {
        var integrations: [ImageIntegration]
    }

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        catalog.addSchemas(RoxIntegrationSchemas.all)
        let tag = "ImageIntegrationService"
        let idParameter = APIParameter("id", in: .path, schema: Schema.string)
        let body = Schema.ref("StorageImageIntegration")
        let updateBody = Schema.ref("V1UpdateImageIntegrationRequest")
        let integrations = self.integrations

        catalog.register(
            APIOperation(
                .get, "/v1/imageintegrations", operationId: "ImageIntegrationService_GetImageIntegrations",
                summary: "Lists image integrations; `name` filters by exact name.", tag: tag, access: .read(.integration),
                parameters: [APIParameter("name", in: .query), APIParameter("cluster", in: .query)],
                responses: RoxIntegrationSchemas.responses("V1GetImageIntegrationsResponse")
            ), on: router
        ) { request, _ in
            let query = RoxQuery(request)
            let list = try await integrations.list(name: query.string("name"), cluster: query.string("cluster"))
            return try RoxJSON.response(ListResponse(integrations: list), request: request)
        }

        catalog.register(
            APIOperation(
                .get, "/v1/imageintegrations/{id}", operationId: "ImageIntegrationService_GetImageIntegration",
                summary: "Returns one image integration, secrets masked.", tag: tag, access: .read(.integration),
                parameters: [idParameter], responses: RoxIntegrationSchemas.responses("StorageImageIntegration")
            ), on: router
        ) { request, context in
            try RoxJSON.response(try await integrations.get(id: try context.pathParameter("id")), request: request)
        }

        catalog.register(
            APIOperation(
                .post, "/v1/imageintegrations", operationId: "ImageIntegrationService_PostImageIntegration",
                summary: "Creates an image integration, after testing it unless skipTestIntegration.", tag: tag,
                access: .write(.integration), requestBody: body, responses: RoxIntegrationSchemas.responses("StorageImageIntegration")
            ), on: router
        ) { request, _ in
            var request = request
            let integration = try await RoxJSON.decode(ImageIntegration.self, from: &request)
            return try RoxJSON.response(try await integrations.create(integration), request: request)
        }

        catalog.register(
            APIOperation(
                .put, "/v1/imageintegrations/{id}", operationId: "ImageIntegrationService_PutImageIntegration",
                summary: "Replaces an image integration, secrets included.", tag: tag, access: .write(.integration),
                parameters: [idParameter], requestBody: body, responses: RoxIntegrationSchemas.responses("Empty")
            ), on: router
        ) { request, context in
            var request = request
            var integration = try await RoxJSON.decode(ImageIntegration.self, from: &request)
            integration.id = try context.pathParameter("id")
            try await integrations.update(UpdateImageIntegrationRequest(config: integration, updatePassword: true))
            return try RoxJSON.empty(request)
        }

        catalog.register(
            APIOperation(
                .patch, "/v1/imageintegrations/{id}", operationId: "ImageIntegrationService_UpdateImageIntegration",
                summary: "Updates an image integration (path parameter config.id); updatePassword=false keeps the stored secrets.",
                tag: tag, access: .write(.integration), parameters: [idParameter], requestBody: updateBody,
                responses: RoxIntegrationSchemas.responses("Empty")
            ), on: router
        ) { request, context in
            var request = request
            var update = try await RoxJSON.decode(UpdateImageIntegrationRequest.self, from: &request)
            // The path's config.id wins over the body's, as in grpc-gateway.
            update.config?.id = try context.pathParameter("id")
            try await integrations.update(update)
            return try RoxJSON.empty(request)
        }

        catalog.register(
            APIOperation(
                .delete, "/v1/imageintegrations/{id}", operationId: "ImageIntegrationService_DeleteImageIntegration",
                summary: "Deletes an image integration; deleting an unknown id succeeds.", tag: tag, access: .write(.integration),
                parameters: [idParameter], responses: RoxIntegrationSchemas.responses("Empty")
            ), on: router
        ) { request, context in
            try await integrations.delete(id: try context.pathParameter("id"))
            return try RoxJSON.empty(request)
        }

        catalog.register(
            APIOperation(
                .post, "/v1/imageintegrations/test", operationId: "ImageIntegrationService_TestImageIntegration",
                summary: "Contacts the registry or scanner an integration describes; stores nothing.", tag: tag,
                access: .write(.integration), requestBody: body, responses: RoxIntegrationSchemas.responses("Empty")
            ), on: router
        ) { request, _ in
            var request = request
            let integration = try await RoxJSON.decode(ImageIntegration.self, from: &request)
            try await integrations.test(UpdateImageIntegrationRequest(config: integration, updatePassword: true))
            return try RoxJSON.empty(request)
        }

        catalog.register(
            APIOperation(
                .post, "/v1/imageintegrations/test/updated", operationId: "ImageIntegrationService_TestUpdatedImageIntegration",
                summary: "Tests an edited integration; updatePassword=false fills masked secrets from the stored one.", tag: tag,
                access: .write(.integration), requestBody: updateBody, responses: RoxIntegrationSchemas.responses("Empty")
            ), on: router
        ) { request, _ in
            var request = request
            let update = try await RoxJSON.decode(UpdateImageIntegrationRequest.self, from: &request)
            try await integrations.test(update)
            return try RoxJSON.empty(request)
        }
    }
}
