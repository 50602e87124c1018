import BerthModel
import Foundation

/// RFC 7386 JSON Merge Patch, the `application/merge-patch+json` PATCH body.
///
/// It cannot fail: every JSON value is a valid merge patch. That is why it has no error
/// path, and why it cannot express "set this to null" or "change one list element" (those
/// need a JSON patch or a strategic merge patch).
public enum MergePatch {
    public static func apply(_ patch: JSONValue, to document: JSONValue) -> JSONValue {
        guard case .object(let members) = patch else { return patch }
        var target = document.objectValue ?? [:]
        for (key, value) in members {
            if value == .null {
                target.removeValue(forKey: key)
            } else {
                target[key] = apply(value, to: target[key] ?? .null)
            }
        }
        return .object(target)
    }
}
