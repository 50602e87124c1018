import BerthModel
import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The body read whole, refusing anything over ``BodyLimits/json``.
    public mutating func collectJSONBody(limit: Int = BodyLimits.json) async throws -> Data {
        do {
            let buffer = try await collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw BerthError(.payloadTooLarge, "request body is larger than the limit of \(limit) bytes")
        } catch is NIOTooManyBytesError {
            throw BerthError(.payloadTooLarge, "request body is larger than the limit of \(limit) bytes")
        }
    }

    /// Parses the body as JSON into `T`, with errors that name the offending field.
    /// `transformKeys` lets a dialect accept alternative spellings (proto names) first.
    public mutating func decodeJSON<T: Decodable>(
        _ type: T.Type, transformKeys: (@Sendable (JSONValue) -> JSONValue)? = nil,
        configure: (JSONDecoder) -> Void = { _ in }
    ) async throws -> T {
        let data = try await collectJSONBody()
        return try JSONBody.decode(type, from: data, transformKeys: transformKeys, configure: configure)
    }
}
