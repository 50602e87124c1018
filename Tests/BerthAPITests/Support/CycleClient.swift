import BerthModel
import Foundation
import HTTPTypes

/// Requests as Cycle's official client sends them: `Authorization: Bearer` and `X-Hub-Id`.
struct CycleClient: Sendable {
    let api: TestAPIClient
    let hub: String

    static let hubHeader = HTTPField.Name("X-Hub-Id")!

    func send(_ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil, hub: String? = nil,
              contentType: String? = nil) async throws -> TestAPIClient.Reply {
        var headers: HTTPFields = [:]
        headers[Self.hubHeader] = hub ?? self.hub
        if let contentType {
            headers[.contentType] = contentType
            return try await api.send(method, path, rawBody: json.map { Data($0.utf8) }, token: token, headers: headers, rawContentType: contentType)
        }
        return try await api.send(method, path, json: json, token: token, headers: headers)
    }

    /// A source from a JSON origin, returning its id.
    func create(_ body: String, token: String? = nil) async throws -> String {
        let reply = try await send(.post, "/v1/images/sources", json: body, token: token)
        guard reply.status == .created, let id = reply.json?["data"]?["id"]?.stringValue else {
            throw TestHTTP.Failure(message: "create failed: \(reply.status) \(reply.text)")
        }
        return id
    }

    /// Polls `GET /v1/jobs/{id}` until the job is `completed` or `error`.
    func follow(job id: String, timeout: Duration = .seconds(60)) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let reply = try await send(.get, "/v1/jobs/\(id)")
            if let job = reply.json?["data"], let state = job["state"]?["current"]?.stringValue, state == "completed" || state == "error" {
                return job
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestHTTP.Failure(message: "job \(id) did not finish within \(timeout)")
    }

    static func hexID(_ seed: Int) -> String {
        let text = String(seed, radix: 16)
        return String(repeating: "0", count: 24 - text.count) + text
    }
}
