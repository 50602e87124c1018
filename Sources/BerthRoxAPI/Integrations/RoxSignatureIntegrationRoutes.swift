import BerthHTTP
import BerthModel
import BerthServices
import BerthSignatures
import Hummingbird

/// `v1.SignatureIntegrationService` over REST: cosign public keys and certificate
/// verifiers that image scans check signatures against.
struct RoxSignatureIntegrationRoutes {
    let integrations: SignatureIntegrationService

    struct ListResponse: Encodable {
        var integrations: [SignatureIntegration]
    }

    static var schemas: [String: JSONValue] {
        let s = Schema.string
        return [
            "StorageCosignPublicKeyVerification": Schema.object([
                "publicKeys": Schema.array(Schema.object(["name": s, "publicKeyPemEnc": s])),
            ]),
            "StorageCosignCertificateVerification": Schema.object([
                "certificateChainPemEnc": s, "certificatePemEnc": s, "certificateOidcIssuer": s, "certificateIdentity": s,
                "certificateTransparencyLog": Schema.anyObject,
            ]),
            "StorageSignatureIntegration": Schema.object([
                "id": s, "name": s, "cosign": Schema.nullable(Schema.ref("StorageCosignPublicKeyVerification")),
                "cosignCertificates": Schema.array(Schema.ref("StorageCosignCertificateVerification")),
                "transparencyLog": Schema.anyObject,
            ]),
            "V1ListSignatureIntegrationsResponse": Schema.object(["integrations": Schema.array(Schema.ref("StorageSignatureIntegration"))]),
        ]
    }

    func register(on router: Router<BerthRequestContext>, catalog: APICatalog) {
        catalog.addSchemas(Self.schemas)
        let tag = "SignatureIntegrationService"
        let id = APIParameter("id", in: .path, schema: Schema.string)
        let body = Schema.ref("StorageSignatureIntegration")
        let integrations = self.integrations
        let responses = RoxIntegrationSchemas.responses

        catalog.register(
            APIOperation(.get, "/v1/signatureintegrations", operationId: "SignatureIntegrationService_ListSignatureIntegrations",
                         summary: "Lists signature integrations.", tag: tag, access: .read(.integration),
                         responses: responses("V1ListSignatureIntegrationsResponse")), on: router
        ) { request, _ in
            try RoxJSON.response(ListResponse(integrations: try await integrations.list()), request: request)
        }
        catalog.register(
            APIOperation(.get, "/v1/signatureintegrations/{id}", operationId: "SignatureIntegrationService_GetSignatureIntegration",
                         summary: "Returns one signature integration.", tag: tag, access: .read(.integration), parameters: [id],
                         responses: responses("StorageSignatureIntegration")), on: router
        ) { request, context in
            try RoxJSON.response(try await integrations.get(id: try context.pathParameter("id")), request: request)
        }
        catalog.register(
            APIOperation(.post, "/v1/signatureintegrations", operationId: "SignatureIntegrationService_PostSignatureIntegration",
                         summary: "Creates a signature integration; keys and certificates that do not parse are a 400.", tag: tag,
                         access: .write(.integration), requestBody: body, responses: responses("StorageSignatureIntegration")), on: router
        ) { request, _ in
            var request = request
            let integration = try await RoxJSON.decode(SignatureIntegration.self, from: &request)
            return try RoxJSON.response(try await integrations.create(integration), request: request)
        }
        catalog.register(
            APIOperation(.put, "/v1/signatureintegrations/{id}", operationId: "SignatureIntegrationService_PutSignatureIntegration",
                         summary: "Replaces a signature integration.", tag: tag, access: .write(.integration), parameters: [id],
                         requestBody: body, responses: responses("Empty")), on: router
        ) { request, context in
            var request = request
            var integration = try await RoxJSON.decode(SignatureIntegration.self, from: &request)
            let path = try context.pathParameter("id")
            if integration.id.isEmpty { integration.id = path }
            guard integration.id == path else { throw BerthError.invalid("the id in the body (\(integration.id)) differs from the path's (\(path))") }
            try await integrations.update(integration)
            return try RoxJSON.empty(request)
        }
        catalog.register(
            APIOperation(.delete, "/v1/signatureintegrations/{id}", operationId: "SignatureIntegrationService_DeleteSignatureIntegration",
                         summary: "Deletes a signature integration.", tag: tag, access: .write(.integration), parameters: [id],
                         responses: responses("Empty")), on: router
        ) { request, context in
            try await integrations.delete(id: try context.pathParameter("id"))
            return try RoxJSON.empty(request)
        }
    }
}
