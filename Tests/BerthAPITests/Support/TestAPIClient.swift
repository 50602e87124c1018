import BerthModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Sends JSON requests with a bearer token and hands back status and parsed body.
struct TestAPIClient: Sendable {
    let client: any TestClientProtocol
    let token: String

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: body) }
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The StackRox error message, when the body is one.
        var message: String { json?["message"]?.stringValue ?? text }
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, rawBody: Data? = nil,
        token: String? = nil, noAuth: Bool = false, headers extra: HTTPFields = [:], rawContentType: String = "application/json"
    ) async throws -> Reply {
        var headers = extra
        if !noAuth { headers[.authorization] = "Bearer \(token ?? self.token)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: json)
        } else if let rawBody {
            headers[.contentType] = rawContentType
            body = ByteBuffer(bytes: rawBody)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }
}
