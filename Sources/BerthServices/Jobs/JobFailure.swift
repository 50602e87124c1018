import BerthModel

/// Why a job failed, kept in the store so a caller waiting on another replica (or after a
/// restart) gets the same error, status code included, as if it had run the work itself.
public struct JobFailure: Sendable, Codable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: any Error) {
        if let error = error as? BerthError {
            self.init(code: error.code.rawValue, message: error.message)
        } else {
            self.init(code: BerthError.Code.internalError.rawValue, message: String(describing: error))
        }
    }

    var error: BerthError {
        BerthError(BerthError.Code(rawValue: code) ?? .internalError, message)
    }
}
