import BerthModel
import Foundation
import Hummingbird
import Logging

/// Catches every error a route throws and answers in the dialect of the path.
///
/// Errors that are not ``BerthError`` (a bug, a driver failure) become a 500 whose message
/// carries no detail; the detail goes to the log instead, since it may quote internals.
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = BerthRequestContext
    private let renderers: [any ErrorRenderer]
    private let fallback: any ErrorRenderer

    public init(renderers: [any ErrorRenderer], fallback: any ErrorRenderer) {
        self.renderers = renderers
        self.fallback = fallback
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let berthError = Self.berthError(from: error, logger: context.logger)
            let renderer = renderers.first { $0.owns(request) } ?? fallback
            return renderer.response(for: berthError, request: request)
        }
    }

    public static func berthError(from error: Error, logger: Logger) -> BerthError {
        switch error {
        case let error as BerthError:
            if error.code == .internalError { logger.error("internal error: \(error.message)") }
            return error
        case let error as DecodingError:
            return BerthError.invalid(JSONBody.describe(error))
        case let error as HTTPError:
            switch error.status.code {
            case 404: return BerthError(.notFound, "Not Found")
            case 405: return BerthError(.unimplemented, "Method Not Allowed")
            case 413: return BerthError(.payloadTooLarge, "request body is larger than the limit of \(BodyLimits.json) bytes")
            case 400..<500: return BerthError(.invalidArgument, error.body ?? "bad request")
            default: return BerthError.internalError(error.body ?? "internal error")
            }
        case is CancellationError:
            return BerthError(.deadlineExceeded, "the request was cancelled")
        default:
            logger.error("unexpected error: \(String(reflecting: error))")
            return BerthError.internalError("internal error; the server log has the details")
        }
    }
}
