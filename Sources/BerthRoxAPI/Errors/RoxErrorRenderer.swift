import BerthHTTP
import BerthModel
import Foundation
import Hummingbird

/// Renders errors on StackRox paths as StackRox does.
public struct RoxErrorRenderer: ErrorRenderer {
    public init() {}

    public func owns(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/v1/")
    }

    public func response(for error: BerthError, request: Request) -> Response {
        Self.response(for: error)
    }

    static func response(for error: BerthError) -> Response {
        let code = RoxStatus.grpcCode(error.code)
        let body = RoxError(code: code, message: error.message, error: error.message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        return JSONResponse.raw(data, status: RoxStatus.httpStatus(grpcCode: code))
    }
}
