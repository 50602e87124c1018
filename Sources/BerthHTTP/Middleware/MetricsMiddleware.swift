import Foundation
import Hummingbird
import Prometheus

/// Counts requests and measures their latency per route, into a registry the server owns and
/// serves at `/metrics`. A registry of its own (not the process-global metrics system) keeps
/// several servers in one test process apart.
public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = BerthRequestContext
    private let registry: PrometheusCollectorRegistry
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context: context, status: 500, start: start)
            throw error
        }
        record(request, context: context, status: Int(response.status.code), start: start)
        return response
    }

    private func record(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(
            name: "berth_http_requests_total",
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            name: "berth_http_request_duration_seconds",
            labels: [("method", method), ("route", route)],
            buckets: Self.buckets
        ).record(ContinuousClock.now - start)
    }
}
