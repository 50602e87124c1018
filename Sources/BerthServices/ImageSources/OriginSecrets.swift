import Foundation
import BerthModel

/// Finds the credentials in a Cycle origin and takes them out. Any string under a key Cycle
/// uses for a credential counts, wherever it sits (`details.token`, `details.auth.details
/// .token`, `details.credentials[2].token`, `details.repo.auth.credentials.private_key`), so
/// a new origin shape cannot leak one by being unknown here.
public enum OriginSecrets {
    /// `config` is the ECR provider's "base64'd string of additional configuration options",
    /// which is where a cloud credential file would go.
    public static let keys: Set<String> = ["token", "password", "private_key", "passphrase", "secret", "api_key", "config"]

    /// The origin without credentials, each credential by its JSON pointer in the origin, and
    /// the pointers given as null or "" (an explicit removal, unlike an absent key).
    public static func extract(_ origin: JSONValue) -> (JSONValue, [String: String], Set<String>) {
        var found: [String: String] = [:]
        var cleared = Set<String>()
        let clean = strip(origin, pointer: "", found: &found, cleared: &cleared)
        return (clean, found, cleared)
    }

    private static func strip(_ value: JSONValue, pointer: String, found: inout [String: String], cleared: inout Set<String>) -> JSONValue {
        switch value {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for (key, child) in object {
                let path = JSONPointer.appending(pointer, key)
                if keys.contains(key), child == .null || child.stringValue != nil {
                    if let secret = child.stringValue, !secret.isEmpty { found[path] = secret } else { cleared.insert(path) }
                    continue
                }
                result[key] = strip(child, pointer: path, found: &found, cleared: &cleared)
            }
            return .object(result)
        case .array(let items):
            return .array(items.enumerated().map { strip($0.element, pointer: pointer + "/\($0.offset)", found: &found, cleared: &cleared) })
        default:
            return value
        }
    }

    /// The credentials a PATCH keeps: the new ones, plus stored ones it left out, but only
    /// while they would still go where they went before. A new registry url, auth type,
    /// webhook, repository or credentials list drops them all, as StackRox asks for the
    /// password again when an integration's endpoint changes.
    public static func merge(stored: [String: String], storedOrigin: JSONValue, new: [String: String], cleared: Set<String>, origin: JSONValue) -> [String: String] {
        guard destination(storedOrigin) == destination(origin) else { return new }
        var merged = new
        for (pointer, sealed) in stored where merged[pointer] == nil && !cleared.contains(pointer) {
            if parentExists(pointer, in: origin) { merged[pointer] = sealed }
        }
        return merged
    }

    /// Everything that decides who receives an origin's credentials.
    static func destination(_ origin: JSONValue) -> [String] {
        let details = origin["details"]
        var parts = [origin["type"]?.stringValue ?? "", details?["url"]?.stringValue ?? "",
                     details?["auth"]?["type"]?.stringValue ?? "", details?["auth"]?["details"]?["url"]?.stringValue ?? "",
                     details?["repo"]?["url"]?.stringValue ?? "", details?["repo"]?["auth"]?["type"]?.stringValue ?? ""]
        parts += (details?["credentials"]?.arrayValue ?? []).map { $0["url"]?.stringValue ?? "" }
        return parts
    }

    /// Puts credentials back, for the code that uses them to reach a registry.
    public static func restore(_ origin: JSONValue, secrets: [String: String]) -> JSONValue {
        var result = origin
        for (pointer, secret) in secrets {
            result = set(result, path: JSONPointer.tokens(of: pointer)[...], value: .string(secret))
        }
        return result
    }

    static func parentExists(_ pointer: String, in origin: JSONValue) -> Bool {
        var node: JSONValue? = origin
        for part in JSONPointer.tokens(of: pointer).dropLast() {
            switch node {
            case .object(let object): node = object[part]
            case .array(let items): node = Int(part).flatMap { $0 < items.count ? items[$0] : nil }
            default: return false
            }
        }
        if case .object = node { return true }
        return false
    }

    private static func set(_ value: JSONValue, path: ArraySlice<String>, value newValue: JSONValue) -> JSONValue {
        guard let head = path.first else { return newValue }
        switch value {
        case .object(var object):
            object[head] = set(object[head] ?? .object([:]), path: path.dropFirst(), value: newValue)
            return .object(object)
        case .array(var items):
            guard let index = Int(head), index < items.count else { return value }
            items[index] = set(items[index], path: path.dropFirst(), value: newValue)
            return .array(items)
        default:
            return value
        }
    }
}
