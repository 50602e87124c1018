import BerthModel
import Foundation

/// Conversions between typed objects and the open JSON the generic handler and patches use.
public enum KubeJSON {
    public static func value<T: Encodable>(_ object: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(object))
    }

    /// A body that does not decode is the client's mistake: 400, naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, kind: String) throws(KubeStatusError) -> T {
        do {
            let data = try JSONEncoder().encode(value)
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw KubeStatusError.badRequest("the body of the request is not a valid \(kind): \(describe(error))")
        } catch {
            throw KubeStatusError.badRequest("the body of the request is not a valid \(kind)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), got null"
        case .keyNotFound(let key, let context): return "\(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue): required"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "undecodable"
        }
    }

    /// Sets `kind` and `apiVersion` on a top-level object (nested objects carry neither).
    public static func typed(_ value: JSONValue, kind: String, apiVersion: String) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object["kind"] = .string(kind)
        object["apiVersion"] = .string(apiVersion)
        return .object(object)
    }

    public static func untyped(_ value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object["kind"] = nil
        object["apiVersion"] = nil
        return .object(object)
    }
}
