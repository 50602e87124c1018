import BerthModel
import Hummingbird

/// Query-string parameters as grpc-gateway reads them into request messages.
struct RoxQuery {
    let parameters: [String: String]

    init(_ request: Request) {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            parameters[String(key)] = String(value).removingPercentEncoding ?? String(value)
        }
        self.parameters = parameters
    }

    func string(_ name: String) -> String? { parameters[name] }

    /// Go's `strconv.ParseBool`, which the gateway uses.
    func bool(_ name: String) throws -> Bool? {
        guard let value = parameters[name] else { return nil }
        switch value {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: throw BerthError.invalid("invalid value for bool field \(name): \"\(value)\" (use true or false)")
        }
    }

    func int32(_ name: String) throws -> Int32? {
        guard let value = parameters[name] else { return nil }
        guard let number = Int32(value) else {
            throw BerthError.invalid("invalid value for int32 field \(name): \"\(value)\" is not a whole number")
        }
        return number
    }
}
