import BerthHTTP
import BerthModel
import BerthStore
import Foundation
import Hummingbird
import Prometheus

/// Health, readiness, metrics and the OpenAPI document: public, dialect-neutral routes.
struct SystemRoutes {
    let store: any ObjectStore
    let metrics: PrometheusCollectorRegistry
    let catalog: APICatalog

    static let publicPaths: Set<String> = ["/healthz", "/readyz", "/metrics", "/openapi.json"]

    func register(on router: Router<BerthRequestContext>) {
        let text = Schema.string
        let tag = "System"
        let store = self.store, metrics = self.metrics, catalog = self.catalog
        catalog.register(
            APIOperation(
                .get, "/healthz", operationId: "healthz", summary: "The process is up.", tag: tag, access: nil,
                responses: [APIResponse("200", "alive", schema: text, contentType: "text/plain")]
            ), on: router
        ) { _, _ in
            Self.plain("ok\n")
        }
        catalog.register(
            APIOperation(
                .get, "/readyz", operationId: "readyz", summary: "The store answers; the server can take requests.", tag: tag,
                access: nil,
                responses: [
                    APIResponse("200", "ready", schema: text, contentType: "text/plain"),
                    APIResponse("503", "not ready", schema: text, contentType: "text/plain"),
                ]
            ), on: router
        ) { _, _ in
            do {
                _ = try await store.currentVersion()
                return Self.plain("ok\n")
            } catch {
                return Self.plain("store unavailable\n", status: .serviceUnavailable)
            }
        }
        catalog.register(
            APIOperation(
                .get, "/metrics", operationId: "metrics", summary: "Prometheus metrics: requests and latencies per route.", tag: tag,
                access: nil, responses: [APIResponse("200", "metrics", schema: text, contentType: "text/plain")]
            ), on: router
        ) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        catalog.register(
            APIOperation(
                .get, "/openapi.json", operationId: "openapi", summary: "This document.", tag: tag, access: nil,
                responses: [APIResponse("200", "OpenAPI 3 document", schema: Schema.anyObject)]
            ), on: router
        ) { _, _ in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try JSONResponse.make(catalog.document(), encoder: encoder)
        }
    }

    static func plain(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
