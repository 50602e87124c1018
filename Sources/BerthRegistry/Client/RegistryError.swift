/// Why talking to a registry failed, in terms a person can act on.
///
/// The three cases an operator must tell apart first — the registry cannot be reached, it
/// refused the credentials, it answered something unexpected — are separate cases, so a
/// dialect can say which one happened.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No HTTP answer at all: connection refused, DNS failure, timeout, TLS failure.
    case unreachable(url: String, reason: String)
    /// The registry (or its token service) rejected the credentials, or demanded some.
    case unauthorized(url: String, detail: String)
    /// The registry answered with a status the client cannot use.
    case unexpectedStatus(url: String, status: Int, detail: String)
    /// The registry's answer could not be understood.
    case invalidResponse(url: String, detail: String)
    /// The repository, tag or digest does not exist there.
    case notFound(url: String, detail: String)
    /// The bytes served do not hash to the digest they were asked for or announced with:
    /// never stored, whatever else they say.
    case digestMismatch(url: String, expected: String, actual: String)
    /// Content Berth does not read (schema 1 manifests, unknown media types, no such platform).
    case unsupported(url: String, detail: String)

    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            "registry unreachable: \(url): \(reason)"
        case .unauthorized(let url, let detail):
            "registry unauthorized: \(url): \(detail)"
        case .unexpectedStatus(let url, let status, let detail):
            "registry error: \(url) answered HTTP \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        case .invalidResponse(let url, let detail):
            "registry error: invalid response from \(url): \(detail)"
        case .notFound(let url, let detail):
            "not found in registry: \(url)\(detail.isEmpty ? "" : ": \(detail)")"
        case .digestMismatch(let url, let expected, let actual):
            "digest mismatch: \(url) served content with digest \(actual), expected \(expected)"
        case .unsupported(let url, let detail):
            "unsupported content at \(url): \(detail)"
        }
    }
}
