/// Why one signature did not verify under one verifier, classified for the aggregate status.
struct VerificationFailure: Sendable, Error {
    /// Ordered by precedence when no signature verifies (see ``SignatureVerifier``).
    enum Kind: Int, Sendable, Comparable {
        case generic
        case unsupportedAlgorithm
        case failedVerification
        case corrupted

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        var status: SignatureVerificationStatus {
            switch self {
            case .generic: return .genericError
            case .unsupportedAlgorithm: return .invalidSignatureAlgo
            case .failedVerification: return .failedVerification
            case .corrupted: return .corruptedSignature
            }
        }
    }

    var kind: Kind
    var message: String

    static func corrupted(_ message: String) -> VerificationFailure { .init(kind: .corrupted, message: message) }
    static func failed(_ message: String) -> VerificationFailure { .init(kind: .failedVerification, message: message) }
    static func unsupported(_ message: String) -> VerificationFailure { .init(kind: .unsupportedAlgorithm, message: message) }
    static func generic(_ message: String) -> VerificationFailure { .init(kind: .generic, message: message) }
}
