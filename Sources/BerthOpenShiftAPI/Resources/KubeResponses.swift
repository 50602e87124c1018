import BerthHTTP
import BerthModel
import BerthServices
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Bodies and errors of Kubernetes routes. Every failure leaves as a `metav1.Status` with
/// reason, code and (for 422) causes, whichever layer raised it.
enum KubeResponses {
    static func encode(_ value: JSONValue, pretty: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, pretty: Bool = false, warnings: [String] = []) -> Response {
        var response = JSONResponse.raw(encode(value, pretty: pretty), status: status)
        for warning in warnings {
            response.headers.append(HTTPField(name: HTTPField.Name("Warning")!, value: "299 - \"\(warning.replacingOccurrences(of: "\"", with: "\\\""))\""))
        }
        return response
    }

    static func status(_ error: KubeStatusError) -> JSONValue {
        var body: [String: JSONValue] = [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(error.message), "reason": .string(error.reason), "code": .number(Double(error.code)),
        ]
        if let details = error.details, let value = try? KubeJSON.value(details) { body["details"] = value }
        return .object(body)
    }

    static func failure(_ error: KubeStatusError) -> Response {
        json(status(error), status: HTTPResponse.Status(code: error.code))
    }

    /// Any error as a Kubernetes error.
    static func kubeError(_ error: Error, logger: Logger) -> KubeStatusError {
        switch error {
        case let error as KubeStatusError:
            return error
        case let error as BerthError:
            if error.code == .internalError { logger.error("internal error: \(error.message)") }
            let (reason, code) = KubeStatusReason.of(error.code)
            return KubeStatusError(code: code, reason: reason, message: error.message)
        default:
            let berth = ErrorMiddleware.berthError(from: error, logger: logger)
            let (reason, code) = KubeStatusReason.of(berth.code)
            return KubeStatusError(code: code, reason: reason, message: berth.message)
        }
    }
}
