/// The one error type every layer throws, so a dialect can turn any failure into its own
/// error shape without knowing which layer raised it.
///
/// The codes follow gRPC's canonical set because two of our three dialects (StackRox via
/// grpc-gateway, Kubernetes via metav1.Status reasons) are defined in terms of it, and Cycle's
/// HTTP statuses map onto it without loss.
public struct BerthError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case invalidArgument
        case notFound
        case alreadyExists
        case conflict
        case failedPrecondition
        case permissionDenied
        case unauthenticated
        case resourceExhausted
        case unimplemented
        case unavailable
        case deadlineExceeded
        case gone
        case payloadTooLarge
        case unsupportedMediaType
        case internalError
    }

    public var code: Code
    /// A message a person can act on. Never contains a secret.
    public var message: String
    /// The field the error is about, as a JSON pointer (`/docker/endpoint`), when there is one.
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func invalid(_ message: String, field: String? = nil) -> BerthError {
        BerthError(.invalidArgument, message, field: field)
    }

    public static func notFound(_ message: String) -> BerthError {
        BerthError(.notFound, message)
    }

    public static func internalError(_ message: String) -> BerthError {
        BerthError(.internalError, message)
    }
}
