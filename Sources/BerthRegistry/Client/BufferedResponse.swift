import Foundation
import NIOHTTP1

/// A small registry answer read whole: status, headers, body.
struct BufferedResponse: Sendable {
    var status: Int
    var headerFields: HTTPHeaders
    var body: Data

    func header(_ name: String) -> String? { headerFields.first(name: name) }

    func headers(_ name: String) -> [String] { headerFields[name] }

    /// The first message of a Distribution error body (`{"errors":[{"code","message"}]}`),
    /// so errors quote what the registry said.
    var errorSummary: String {
        struct Errors: Decodable {
            struct Entry: Decodable {
                var code: String?
                var message: String?
            }
            var errors: [Entry]?
        }
        if let decoded = try? JSONDecoder().decode(Errors.self, from: body), let first = decoded.errors?.first {
            return [first.code, first.message].compactMap { $0 }.joined(separator: ": ")
        }
        return String(decoding: body.prefix(200), as: UTF8.self)
    }
}
