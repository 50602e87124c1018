import AsyncHTTPClient
import NIOCore

/// The HTTP client Berth uses to reach registries and scanners.
///
/// Unlike `HTTPClient.shared`, it does not retry a refused connection until the request's
/// deadline: "connection refused" is an answer, and an operator testing an integration should
/// get it at once, not after 15 seconds.
public enum OutboundHTTP {
    public static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(5), read: .seconds(60))
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}
