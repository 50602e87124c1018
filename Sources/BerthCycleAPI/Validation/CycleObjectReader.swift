import BerthModel
import Foundation

/// Reads one JSON object of a request body field by field, turning every problem into the
/// Cycle error whose `source` points at the field: missing → `422.missing-argument`, the
/// wrong type or value → `422.invalid-argument`, a field Cycle does not define →
/// `422.invalid-input`.
struct CycleObjectReader {
    let object: [String: JSONValue]
    let pointer: String

    init(_ value: JSONValue?, at pointer: String) throws(CycleError) {
        guard let value, value != .null else { throw CycleError.missing(pointer, "\(Self.name(pointer)) is required") }
        guard let object = value.objectValue else { throw CycleError.invalid(pointer, "\(Self.name(pointer)) must be an object") }
        self.object = object
        self.pointer = pointer
    }

    func path(_ key: String) -> String { JSONPointer.appending(pointer, key) }

    func path(_ key: String, _ index: Int) -> String { JSONPointer.appending(path(key), String(index)) }

    func only(_ keys: Set<String>) throws(CycleError) {
        for key in object.keys.sorted() where !keys.contains(key) {
            throw CycleError.invalidInput(path(key), "unknown field \"\(key)\" in \(Self.name(pointer)); allowed: \(keys.sorted().joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    func isNull(_ key: String) -> Bool { object[key] == .null }

    /// nil when absent (or null, where `nullable`); a required string must not be empty.
    func string(_ key: String, required: Bool = false, nullable: Bool = false) throws(CycleError) -> String? {
        switch object[key] {
        case nil:
            if required { throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer))") }
            return nil
        case .null?:
            if nullable { return nil }
            if required { throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer)) and may not be null") }
            throw CycleError.invalid(path(key), "\(key) must be a string, not null")
        case .string(let text)?:
            if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer)) and may not be empty")
            }
            return text
        default:
            throw CycleError.invalid(path(key), "\(key) must be a string")
        }
    }

    func oneOf(_ key: String, _ values: [String], required: Bool = false) throws(CycleError) -> String? {
        guard let value = try string(key, required: required) else { return nil }
        guard values.contains(value) else {
            throw CycleError.invalid(path(key), "\(key) \"\(value)\" is not one of: \(values.joined(separator: ", "))")
        }
        return value
    }

    func bool(_ key: String, required: Bool = false) throws(CycleError) -> Bool? {
        switch object[key] {
        case nil:
            if required { throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer))") }
            return nil
        case .bool(let value)?:
            return value
        default:
            throw CycleError.invalid(path(key), "\(key) must be true or false")
        }
    }

    /// nil when absent, or null where `nullable`.
    func object(_ key: String, required: Bool = false, nullable: Bool = false) throws(CycleError) -> CycleObjectReader? {
        switch object[key] {
        case nil:
            if required { throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer))") }
            return nil
        case .null?:
            if nullable { return nil }
            if required { throw CycleError.missing(path(key), "\(key) is required in \(Self.name(pointer)) and may not be null") }
            throw CycleError.invalid(path(key), "\(key) must be an object, not null")
        case let value?:
            return try CycleObjectReader(value, at: path(key))
        }
    }

    func array(_ key: String, nullable: Bool = true) throws(CycleError) -> [JSONValue]? {
        switch object[key] {
        case nil: return nil
        case .null?:
            if nullable { return nil }
            throw CycleError.invalid(path(key), "\(key) must be an array, not null")
        case .array(let items)?: return items
        default: throw CycleError.invalid(path(key), "\(key) must be an array")
        }
    }

    func dateTime(_ key: String, required: Bool = false) throws(CycleError) -> String? {
        guard let text = try string(key, required: required) else { return nil }
        guard (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
            || (try? Date.ISO8601FormatStyle().parse(text)) != nil else {
            throw CycleError.invalid(path(key), "\(key) \"\(text)\" is not an RFC 3339 date-time such as 2021-01-30T08:30:00Z")
        }
        return text
    }

    /// `/origin/details/target` reads as "origin.details.target" in messages.
    static func name(_ pointer: String) -> String {
        pointer == JSONPointer.root ? "the request body" : JSONPointer.tokens(of: pointer).joined(separator: ".")
    }
}
