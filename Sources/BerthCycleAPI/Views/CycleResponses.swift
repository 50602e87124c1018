import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// Cycle's root document: `{data, includes?}` on success, `{error, data: null}` on failure.
enum CycleResponses {
    static func document(_ data: JSONValue, includes: JSONValue? = nil, status: HTTPResponse.Status = .ok) -> Response {
        var root: [String: JSONValue] = ["data": data]
        if let includes { root["includes"] = includes }
        return json(.object(root), status: status)
    }

    static func error(_ error: CycleError) -> Response {
        json(error.envelope, status: HTTPResponse.Status(code: error.status))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return JSONResponse.raw((try? encoder.encode(value)) ?? Data(), status: status)
    }

    /// Any Codable model as a JSON value, for adding `meta` or removing fields.
    static func value<T: Encodable>(_ model: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(model))
    }
}
