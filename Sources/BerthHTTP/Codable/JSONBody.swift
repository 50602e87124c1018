import BerthModel
import Foundation

/// Decoding of request bodies with messages a person can act on: the JSON syntax error, or
/// the field whose value has the wrong type.
public enum JSONBody {
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, transformKeys: (@Sendable (JSONValue) -> JSONValue)? = nil,
        configure: (JSONDecoder) -> Void = { _ in }
    ) throws -> T {
        guard !data.isEmpty else { throw BerthError.invalid("the request has no body; send a JSON object") }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw BerthError.invalid("the request body is not valid JSON: \(syntaxDetail(error))")
        }
        var input = data
        if let transformKeys {
            input = try JSONEncoder().encode(transformKeys(value))
        }
        let decoder = JSONDecoder()
        configure(decoder)
        do {
            return try decoder.decode(type, from: input)
        } catch let error as DecodingError {
            throw BerthError.invalid(describe(error), field: pointer(of: error))
        }
    }

    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            return "invalid value for field '\(path(context.codingPath))': expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "missing value for field '\(path(context.codingPath))': expected \(typeName(type))"
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return field.isEmpty ? "invalid body: \(context.debugDescription)" : "invalid value for field '\(field)': \(context.debugDescription)"
        @unknown default:
            return "invalid body"
        }
    }

    static func pointer(of error: DecodingError) -> String? {
        let codingPath: [CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): codingPath = c.codingPath
        case .keyNotFound(let key, let c): codingPath = c.codingPath + [key]
        @unknown default: return nil
        }
        return "/" + codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
    }

    public static func path(_ codingPath: [CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int32.Type, is Int64.Type, is UInt32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : (String(describing: type).hasPrefix("Dictionary") ? "an object" : "an object")
        }
    }

    static func syntaxDetail(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError { return String(describing: underlying) }
            return context.debugDescription
        }
        return String(describing: error)
    }
}
