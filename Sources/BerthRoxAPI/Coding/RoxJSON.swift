import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// protojson as StackRox's gateway speaks it: lowerCamelCase names (proto snake_case names
/// accepted on input), unknown fields ignored, `?pretty` for indented output.
enum RoxJSON {
    static func response<T: Encodable>(_ value: T, request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = request.uri.queryParameters["pretty"] != nil ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return try JSONResponse.make(value, status: status, encoder: encoder)
    }

    static func empty(_ request: Request) throws -> Response {
        try response(EmptyMessage(), request: request)
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: inout Request) async throws -> T {
        try await request.decodeJSON(type, transformKeys: camelCaseKeys)
    }

    /// `scanner_v4` → `scannerV4`, recursively; keys already in camelCase are kept.
    @Sendable static func camelCaseKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for (key, child) in object {
                let camel = camelCase(key)
                // The JSON name wins when a body carries both spellings.
                if result[camel] == nil || camel == key { result[camel] = camelCaseKeys(child) }
            }
            return .object(result)
        case .array(let array):
            return .array(array.map(camelCaseKeys))
        default:
            return value
        }
    }

    static func camelCase(_ key: String) -> String {
        guard key.contains("_") else { return key }
        var result = ""
        var upper = false
        for character in key {
            if character == "_" {
                upper = true
            } else {
                // Uppercasing may yield several characters ("ß" → "SS"): append a string.
                result += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        return result
    }
}
