import BerthModel
import Foundation

/// Kubernetes strategic merge patch, the `application/strategic-merge-patch+json` body and
/// what `kubectl patch`, `kubectl edit`, `kubectl label` and client-side `kubectl apply` send.
///
/// It is a merge patch that knows, per list, whether the list is a set of records keyed by a
/// field (so a patch naming one tag changes that tag and leaves the others), and that obeys
/// the `$`-directives kubectl writes to delete, replace and reorder. Kubernetes reads those
/// rules from Go struct tags; we have no structs at this boundary, so each resource states
/// them as field paths (`spec.tags` → `name`).
///
/// Values the patch introduces where the document has nothing (a new tag, a new map) are
/// merged into an empty value rather than copied, so their directives are obeyed and their
/// nulls dropped instead of being stored as data.
public struct StrategicMergePatch: Sendable {
    /// List path (`[]` for "each element", dots between fields) → merge key of that list.
    private let mergeKeys: [String: String]
    private let replaceFields: Set<String>

    /// ObjectMeta's own patch strategy, shared by every kind, so no resource has to repeat it.
    private static let objectMetaMergeKeys = ["metadata.ownerReferences": "uid"]
    /// Lists of primitives Kubernetes merges as sets rather than replacing.
    private static let primitiveSets: Set<String> = ["metadata.finalizers"]

    public init(mergeKeys: [String: String], replaceFields: Set<String> = []) {
        self.mergeKeys = Self.objectMetaMergeKeys.merging(mergeKeys) { _, declared in declared }
        self.replaceFields = replaceFields
    }

    public func apply(_ patch: JSONValue, to document: JSONValue) throws(BerthError) -> JSONValue {
        guard case .object(let members) = patch else {
            throw BerthError(.invalidArgument, "a strategic merge patch must be a JSON object, not \(Self.render(patch))")
        }
        // A top-level `$patch: delete` leaves an empty object, as in Kubernetes: the document
        // itself cannot disappear.
        return .object(try mergeMap(document.objectValue ?? [:], members, path: "") ?? [:])
    }

    // MARK: - Maps

    /// Returns nil when the patch deletes the map (`$patch: delete`).
    private func mergeMap(_ original: [String: JSONValue], _ patch: [String: JSONValue], path: String) throws(BerthError) -> [String: JSONValue]? {
        var patch = patch
        if let directive = patch.removeValue(forKey: "$patch") {
            switch directive {
            case .string("replace"): return try mergeMap([:], patch, path: path)
            case .string("delete"): return nil
            default:
                var shown = patch
                shown["$patch"] = directive
                throw unknownPatchType(directive, in: .object(shown), path: path)
            }
        }

        var fields: [(key: String, value: JSONValue)] = []
        var retained: Set<String>?
        var orders: [(field: String, entries: [JSONValue])] = []
        var deletions: [(field: String, values: [JSONValue])] = []
        // Sorted so that, of several mistakes in one patch, the same one is always reported.
        for key in patch.keys.sorted() {
            let value = patch[key]!
            if key == "$retainKeys" {
                guard case .array(let names) = value, names.allSatisfy({ $0.stringValue != nil }) else {
                    throw BerthError(.invalidArgument, "invalid patch format of retainKeys at \(Self.display(path)): $retainKeys must be a list of field names")
                }
                retained = Set(names.compactMap(\.stringValue))
            } else if key.hasPrefix("$setElementOrder") {
                let field = try directiveField(key, prefix: "$setElementOrder", path: path)
                guard case .array(let entries) = value else {
                    throw BerthError(.invalidArgument, "invalid patch format of setElementOrder list: \(key) at \(Self.display(path)) must be a list")
                }
                orders.append((field, entries))
            } else if key.hasPrefix("$deleteFromPrimitiveList") {
                let field = try directiveField(key, prefix: "$deleteFromPrimitiveList", path: path)
                guard case .array(let values) = value else {
                    throw BerthError(.invalidArgument, "invalid patch format of primitive list: \(key) at \(Self.display(path)) must be a list")
                }
                deletions.append((field, values))
            } else {
                fields.append((key, value))
            }
        }

        var result = original
        if let retained {
            // Kubernetes refuses a patch that sets a field its own $retainKeys would clear:
            // the client's intent is contradictory, so guessing either way loses data.
            for (key, value) in fields where value != .null && !retained.contains(key) {
                throw BerthError(.invalidArgument,
                                 "invalid patch format of retainKeys: \(Self.join(path, key)) is set by the patch but not listed in $retainKeys")
            }
            result = result.filter { retained.contains($0.key) }
        }
        for (field, values) in deletions {
            guard case .array(let list)? = result[field] else { continue }
            result[field] = .array(list.filter { !values.contains($0) })
        }
        for (key, value) in fields {
            if value == .null {
                result.removeValue(forKey: key)
            } else if let merged = try mergeValue(result[key], value, path: Self.join(path, key)) {
                result[key] = merged
            } else {
                result.removeValue(forKey: key)
            }
        }
        for (field, entries) in orders {
            guard case .array(let list)? = result[field] else { continue }
            result[field] = .array(reorder(list, by: entries, path: Self.join(path, field)))
        }
        return result
    }

    /// Returns nil when the patch deletes the value.
    private func mergeValue(_ existing: JSONValue?, _ patch: JSONValue, path: String) throws(BerthError) -> JSONValue? {
        let replaced = replaceFields.contains(path)
        switch patch {
        case .object(let members):
            if !replaced, case .object(let current)? = existing {
                return try mergeMap(current, members, path: path).map(JSONValue.object)
            }
            return try mergeMap([:], members, path: path).map(JSONValue.object)
        case .array(let elements):
            if !replaced, case .array(let current)? = existing {
                return .array(try mergeList(current, elements, path: path))
            }
            return .array(try mergeList([], elements, path: path))
        default:
            return patch
        }
    }

    // MARK: - Lists

    private func mergeList(_ original: [JSONValue], _ patch: [JSONValue], path: String) throws(BerthError) -> [JSONValue] {
        let elementPath = path + "[]"
        var items: [JSONValue] = []
        var deletes: [[String: JSONValue]] = []
        var replace = false
        for element in patch {
            guard case .object(let members) = element, let directive = members["$patch"] else {
                items.append(element)
                continue
            }
            switch directive {
            case .string("replace"): replace = true
            case .string("delete"): deletes.append(members)
            default: throw unknownPatchType(directive, in: element, path: path)
            }
        }

        let mergeKey = mergeKeys[path]
        let isSet = Self.primitiveSets.contains(path)
        if replace {
            return try fresh(items, path: elementPath)
        }
        if mergeKey == nil && !isSet {
            // No declared strategy: the list is one value, as in a merge patch.
            if !deletes.isEmpty {
                throw BerthError(.invalidArgument,
                                 "$patch: delete in a list needs a merge key, and \(Self.display(path)) has none (the list is replaced as a whole)")
            }
            return try fresh(items, path: elementPath)
        }

        let allPrimitive = (original + items).allSatisfy { $0.objectValue == nil }
        guard let mergeKey, !allPrimitive else {
            // A set of primitives (finalizers): union, document order first.
            if !deletes.isEmpty {
                throw BerthError(.invalidArgument,
                                 "$patch: delete cannot address an element of the primitive list \(Self.display(path)); use $deleteFromPrimitiveList")
            }
            var result = original
            for item in items where !result.contains(item) {
                result.append(item)
            }
            return result
        }

        var result = original
        for directive in deletes {
            guard let value = directive[mergeKey] else { throw noMergeKey(.object(directive), mergeKey, path: path) }
            result.removeAll { $0[mergeKey] == value }
        }
        for item in items {
            guard case .object(let members) = item else {
                throw BerthError(.invalidArgument,
                                 "the elements of \(Self.display(path)) are merged by \"\(mergeKey)\" and must be objects, not \(Self.render(item))")
            }
            guard let value = members[mergeKey] else { throw noMergeKey(item, mergeKey, path: path) }
            if let index = result.firstIndex(where: { $0[mergeKey] == value }), case .object(let current) = result[index] {
                if let merged = try mergeMap(current, members, path: elementPath) {
                    result[index] = .object(merged)
                } else {
                    result.remove(at: index)
                }
            } else if let added = try mergeMap([:], members, path: elementPath) {
                result.append(.object(added))
            }
        }
        return result
    }

    /// List elements that replace or extend a list, with their own directives obeyed.
    private func fresh(_ elements: [JSONValue], path: String) throws(BerthError) -> [JSONValue] {
        var result: [JSONValue] = []
        for element in elements {
            if let value = try mergeValue(nil, element, path: path) { result.append(value) }
        }
        return result
    }

    /// `$setElementOrder/<field>`: the named elements first, in that order; elements the
    /// order does not name keep their relative order after them, so a stale order list
    /// never drops data.
    private func reorder(_ list: [JSONValue], by entries: [JSONValue], path: String) -> [JSONValue] {
        let mergeKey = mergeKeys[path]
        var remaining = list
        var ordered: [JSONValue] = []
        for entry in entries {
            let index: Int?
            if let mergeKey, case .object(let members) = entry, let value = members[mergeKey] {
                index = remaining.firstIndex { $0[mergeKey] == value }
            } else {
                index = remaining.firstIndex(of: entry)
            }
            if let index { ordered.append(remaining.remove(at: index)) }
        }
        return ordered + remaining
    }

    // MARK: - Helpers

    private func directiveField(_ key: String, prefix: String, path: String) throws(BerthError) -> String {
        let rest = key.dropFirst(prefix.count)
        guard rest.hasPrefix("/"), rest.count > 1 else {
            let kind = prefix == "$setElementOrder" ? "setElementOrder list" : "primitive list"
            throw BerthError(.invalidArgument, "invalid patch format of \(kind): \(key) at \(Self.display(path)) must be written \(prefix)/<field>")
        }
        return String(rest.dropFirst())
    }

    private func unknownPatchType(_ directive: JSONValue, in element: JSONValue, path: String) -> BerthError {
        BerthError(.invalidArgument,
                   "unknown patch type: \(Self.render(directive)) in map: \(Self.render(element)) at \(Self.display(path)); $patch must be \"replace\" or \"delete\"")
    }

    private func noMergeKey(_ element: JSONValue, _ mergeKey: String, path: String) -> BerthError {
        BerthError(.invalidArgument, "map: \(Self.render(element)) does not contain declared merge key: \(mergeKey) (in \(Self.display(path)))")
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    private static func display(_ path: String) -> String {
        path.isEmpty ? "the top level" : path
    }

    /// Compact, key-sorted JSON, so a message quotes what the client sent in a stable form.
    private static func render(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "\(value)" }
        return text
    }
}
