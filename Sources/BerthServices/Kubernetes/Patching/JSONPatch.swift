import BerthModel
import Foundation

/// RFC 6902 JSON Patch, the `application/json-patch+json` PATCH body.
///
/// Operations apply in order to a working copy, so a failure part-way leaves the caller's
/// document untouched: Kubernetes applies a JSON patch all or nothing. Error messages name the
/// operation and the pointer that failed, because a client sending a list of operations
/// cannot otherwise tell which one was refused.
public enum JSONPatch {
    public static func apply(_ patch: JSONValue, to document: JSONValue) throws(BerthError) -> JSONValue {
        guard case .array(let operations) = patch else {
            throw BerthError(.invalidArgument, "json patch must be a JSON array of operations, not \(kind(of: patch))")
        }
        var result = document
        for (index, operation) in operations.enumerated() {
            result = try apply(operation: operation, index: index, to: result)
        }
        return result
    }

    /// Decodes a request body as a JSON patch, refusing objects that repeat a member name.
    ///
    /// `JSONDecoder` silently keeps one of two `"op"` members (RFC 6902 appendix A.13), so a
    /// body meant as a `remove` could be applied as the `add` beside it; once decoded, the
    /// duplicate is gone and `apply` cannot see it. Handlers that want the RFC's rejection
    /// decode PATCH bodies here instead of with `JSONDecoder`.
    public static func decode(_ body: Data) throws(BerthError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw BerthError(.invalidArgument, "json patch is not valid JSON")
        }
        try rejectDuplicateMembers(in: Array(body))
        return value
    }

    /// Scans well-formed JSON (the decoder has accepted it) for an object naming one member
    /// twice, counting the elements of a top-level array so the message names the operation.
    private static func rejectDuplicateMembers(in bytes: [UInt8]) throws(BerthError) {
        struct Container {
            let isObject: Bool
            var keys: Set<String> = []
            var expectingKey: Bool
        }
        var stack: [Container] = []
        var operation = -1
        var expectingOperation = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            if expectingOperation, stack.count == 1, byte != UInt8(ascii: "]") {
                operation += 1
                expectingOperation = false
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                stack.append(Container(isObject: isObject, expectingKey: isObject))
                if stack.count == 1, !isObject { expectingOperation = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            case UInt8(ascii: ","):
                if let last = stack.indices.last, stack[last].isObject { stack[last].expectingKey = true }
                if stack.count == 1, !stack[0].isObject { expectingOperation = true }
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                if let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey {
                    let inner = bytes[(index + 1)..<min(end, bytes.count)]
                    let key: String
                    if inner.contains(UInt8(ascii: "\\")) {
                        // Escapes must not hide a duplicate: "op" and "\u006fp" are one name.
                        let literal = Data(bytes[index...min(end, bytes.count - 1)])
                        key = (try? JSONDecoder().decode(String.self, from: literal)) ?? String(decoding: inner, as: UTF8.self)
                    } else {
                        key = String(decoding: inner, as: UTF8.self)
                    }
                    if stack[last].keys.contains(key) {
                        let place = stack.first?.isObject == false && operation >= 0 ? "json patch operation \(operation)" : "json patch"
                        throw BerthError(.invalidArgument, "\(place) is invalid: an object has the member \"\(key)\" more than once")
                    }
                    stack[last].keys.insert(key)
                    stack[last].expectingKey = false
                }
                index = end
            default:
                break
            }
            index += 1
        }
    }

    // MARK: - One operation

    private static func apply(operation: JSONValue, index: Int, to document: JSONValue) throws(BerthError) -> JSONValue {
        guard case .object(let members) = operation else {
            throw BerthError(.invalidArgument, "json patch operation \(index) must be a JSON object, not \(kind(of: operation))")
        }
        guard let opValue = members["op"] else {
            throw BerthError(.invalidArgument, "json patch operation \(index) is missing \"op\"")
        }
        guard case .string(let op) = opValue else {
            throw BerthError(.invalidArgument, "json patch operation \(index) has a non-string \"op\"")
        }
        guard ["add", "remove", "replace", "move", "copy", "test"].contains(op) else {
            throw BerthError(.invalidArgument, "json patch operation \(index) has an unknown op \"\(op)\" (expected add, remove, replace, move, copy or test)")
        }
        let path = try pointer(members, "path", op: op, index: index)

        switch op {
        case "add":
            return try add(try value(members, op: op, index: index), at: path, to: document, op: op)
        case "remove":
            return try remove(at: path, from: document, op: op).document
        case "replace":
            return try replace(at: path, in: document, with: try value(members, op: op, index: index), op: op)
        case "move":
            let from = try pointer(members, "from", op: op, index: index)
            if path.isProperDescendant(of: from) {
                throw BerthError(.invalidArgument,
                                 "json patch move operation does not apply: \"from\" \(from) is an ancestor of \"path\" \(path)", field: path.text)
            }
            let removed = try remove(at: from, from: document, op: op)
            return try add(removed.value, at: path, to: removed.document, op: op)
        case "copy":
            let from = try pointer(members, "from", op: op, index: index)
            guard let copied = value(at: from.tokens[...], in: document) else { throw missing(from, op: op) }
            return try add(copied, at: path, to: document, op: op)
        default: // test
            let expected = try value(members, op: op, index: index)
            // RFC 6902 section 4.6 (numbers by value, objects without member order) is what
            // `JSONValue`'s equality already is: Double payloads, dictionary storage.
            guard let actual = value(at: path.tokens[...], in: document), actual == expected else {
                throw BerthError(.invalidArgument, "json patch test operation failed at \(path.text)", field: path.text)
            }
            return document
        }
    }

    private static func pointer(_ members: [String: JSONValue], _ name: String, op: String, index: Int) throws(BerthError) -> JSONPointer {
        guard let member = members[name] else {
            throw BerthError(.invalidArgument, "json patch \(op) operation (operation \(index)) is missing \"\(name)\"")
        }
        guard case .string(let text) = member else {
            throw BerthError(.invalidArgument, "json patch \(op) operation (operation \(index)) has a non-string \"\(name)\"")
        }
        guard let pointer = JSONPointer(parsing: text) else {
            throw BerthError(.invalidArgument,
                             "json patch \(op) operation (operation \(index)) has an invalid \"\(name)\" \"\(text)\": a JSON pointer is empty or starts with \"/\", and escapes only ~0 and ~1")
        }
        return pointer
    }

    /// `"value": null` is a value; only an absent member is an error.
    private static func value(_ members: [String: JSONValue], op: String, index: Int) throws(BerthError) -> JSONValue {
        guard let value = members["value"] else {
            throw BerthError(.invalidArgument, "json patch \(op) operation (operation \(index)) is missing \"value\"")
        }
        return value
    }

    // MARK: - Walking the document

    private static func value(at tokens: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
        guard let token = tokens.first else { return value }
        switch value {
        case .object(let object):
            guard let child = object[token] else { return nil }
            return self.value(at: tokens.dropFirst(), in: child)
        case .array(let array):
            guard let index = JSONPointer.arrayIndex(token), index < array.count else { return nil }
            return self.value(at: tokens.dropFirst(), in: array[index])
        default:
            return nil
        }
    }

    /// Walks to the parent of the pointer's last token and hands it to `body`; a missing
    /// step anywhere on the way is the RFC's "error condition" for every operation.
    private static func modifyParent(
        of pointer: JSONPointer, in document: inout JSONValue, op: String,
        _ body: (inout JSONValue, String) throws(BerthError) -> Void
    ) throws(BerthError) {
        func descend(_ value: inout JSONValue, _ tokens: ArraySlice<String>) throws(BerthError) {
            guard let token = tokens.first else { return }
            if tokens.count == 1 {
                try body(&value, token)
                return
            }
            switch value {
            case .object(var object):
                guard var child = object[token] else { throw missing(pointer, op: op) }
                value = .null // keeps the storage uniquely referenced while the child changes
                object[token] = nil
                try descend(&child, tokens.dropFirst())
                object[token] = child
                value = .object(object)
            case .array(var array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { throw missing(pointer, op: op) }
                value = .null
                var child = array[index]
                array[index] = .null
                try descend(&child, tokens.dropFirst())
                array[index] = child
                value = .array(array)
            default:
                throw missing(pointer, op: op)
            }
        }
        try descend(&document, pointer.tokens[...])
    }

    private static func add(_ newValue: JSONValue, at pointer: JSONPointer, to document: JSONValue, op: String) throws(BerthError) -> JSONValue {
        if pointer.isRoot { return newValue }
        var result = document
        try modifyParent(of: pointer, in: &result, op: op) { (parent: inout JSONValue, token: String) throws(BerthError) in
            switch parent {
            case .object(var object):
                parent = .null
                object[token] = newValue
                parent = .object(object)
            case .array(var array):
                let index: Int
                if token == "-" {
                    index = array.count
                } else if let parsed = JSONPointer.arrayIndex(token) {
                    index = parsed
                } else {
                    throw BerthError(.invalidArgument,
                                     "json patch \(op) operation does not apply: \"\(token)\" is not an array index in path \(pointer)", field: pointer.text)
                }
                guard index <= array.count else {
                    throw BerthError(.invalidArgument,
                                     "json patch \(op) operation does not apply: index \(index) is out of bounds for the array of \(array.count) at \(pointer.parent.text.isEmpty ? "the root" : pointer.parent.text)",
                                     field: pointer.text)
                }
                parent = .null
                array.insert(newValue, at: index)
                parent = .array(array)
            default:
                throw missing(pointer, op: op)
            }
        }
        return result
    }

    private static func remove(at pointer: JSONPointer, from document: JSONValue, op: String) throws(BerthError) -> (document: JSONValue, value: JSONValue) {
        if pointer.isRoot {
            throw BerthError(.invalidArgument, "json patch \(op) operation does not apply: the whole document cannot be removed", field: pointer.text)
        }
        var result = document
        var removed = JSONValue.null
        try modifyParent(of: pointer, in: &result, op: op) { (parent: inout JSONValue, token: String) throws(BerthError) in
            switch parent {
            case .object(var object):
                parent = .null
                guard let value = object.removeValue(forKey: token) else { throw missing(pointer, op: op) }
                removed = value
                parent = .object(object)
            case .array(var array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { throw missing(pointer, op: op) }
                parent = .null
                removed = array.remove(at: index)
                parent = .array(array)
            default:
                throw missing(pointer, op: op)
            }
        }
        return (result, removed)
    }

    private static func replace(at pointer: JSONPointer, in document: JSONValue, with newValue: JSONValue, op: String) throws(BerthError) -> JSONValue {
        if pointer.isRoot { return newValue }
        var result = document
        try modifyParent(of: pointer, in: &result, op: op) { (parent: inout JSONValue, token: String) throws(BerthError) in
            switch parent {
            case .object(var object):
                guard object[token] != nil else { throw missing(pointer, op: op) }
                parent = .null
                object[token] = newValue
                parent = .object(object)
            case .array(var array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { throw missing(pointer, op: op) }
                parent = .null
                array[index] = newValue
                parent = .array(array)
            default:
                throw missing(pointer, op: op)
            }
        }
        return result
    }

    // MARK: - Helpers

    private static func missing(_ pointer: JSONPointer, op: String) -> BerthError {
        BerthError(.invalidArgument, "json patch \(op) operation does not apply: doc is missing path: \"\(pointer.text)\"", field: pointer.text)
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
