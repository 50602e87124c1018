import BerthModel
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Plain HTTP calls to a server process on loopback.
enum TestHTTP {
    /// Tests fire up to a hundred requests at once at one server; the shared client's eight
    /// connections per host and 10 s wait for one would fail them on a loaded machine
    /// before the server ever saw them.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 128)
        configuration.timeout = .init(connect: .seconds(120))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A connection failure reads as status 0, so callers can poll.
    static func get(_ url: String, token: String? = nil) async throws -> Reply {
        try await send(.GET, url, token: token)
    }

    static func send(_ method: HTTPMethod, _ url: String, token: String? = nil, json: String? = nil,
                     headers: [(String, String)] = [], body: Data? = nil, timeout: Duration = .seconds(30)) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        } else if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(request, timeout: .seconds(timeout.components.seconds))
            let body = try await response.body.collect(upTo: 64 << 20)
            return Reply(status: Int(response.status.code), body: Data(body.readableBytesView))
        } catch {
            return Reply(status: 0, body: Data("\(error)".utf8))
        }
    }

    /// Reads a streaming response (a Kubernetes watch) line by line until `until` says
    /// enough or `timeout` passes; returns the JSON lines seen.
    static func watch(_ url: String, token: String, timeout: Duration = .seconds(15),
                      until: @Sendable ([JSONValue]) -> Bool) async throws -> [JSONValue] {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await client.execute(request, timeout: .seconds(Int64(timeout.components.seconds) + 5))
        guard response.status == .ok else {
            let body = try await response.body.collect(upTo: 1 << 20)
            throw Failure(message: "watch \(url): \(response.status) \(String(buffer: body))")
        }
        var events: [JSONValue] = []
        var pending = Data()
        let deadline = ContinuousClock.now + timeout
        for try await chunk in response.body {
            pending.append(contentsOf: chunk.readableBytesView)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[pending.index(after: newline)...])
                if let event = try? JSONDecoder().decode(JSONValue.self, from: line) { events.append(event) }
            }
            if until(events) || ContinuousClock.now > deadline { break }
        }
        return events
    }
}
