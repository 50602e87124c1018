import BerthModel
import HTTPTypes

/// grpc-gateway's mapping: our error code → gRPC code → HTTP status.
enum RoxStatus {
    static func grpcCode(_ code: BerthError.Code) -> Int {
        switch code {
        case .invalidArgument, .payloadTooLarge, .unsupportedMediaType: 3
        case .deadlineExceeded: 4
        case .notFound: 5
        case .alreadyExists: 6
        case .permissionDenied: 7
        case .resourceExhausted: 8
        case .failedPrecondition, .gone: 9
        case .conflict: 10
        case .unimplemented: 12
        case .internalError: 13
        case .unavailable: 14
        case .unauthenticated: 16
        }
    }

    static func httpStatus(grpcCode: Int) -> HTTPResponse.Status {
        switch grpcCode {
        case 3, 9, 11: .badRequest
        case 4: .gatewayTimeout
        case 5: .notFound
        case 6, 10: .conflict
        case 7: .forbidden
        case 8: .tooManyRequests
        case 12: .notImplemented
        case 14: .serviceUnavailable
        case 16: .unauthorized
        default: .internalServerError
        }
    }
}
