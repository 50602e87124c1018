/// One challenge from a `WWW-Authenticate` header (RFC 7235): a scheme and its parameters.
///
/// Registries send `Basic realm="…"` or `Bearer realm="…",service="…",scope="…"`; a header
/// may carry several challenges, and quoted values may contain commas and escaped quotes,
/// which is why this is a small parser and not a split on ",".
public struct AuthChallenge: Sendable, Equatable {
    public var scheme: String
    /// Parameter names are lowercased; values are unquoted.
    public var parameters: [String: String]

    public init(scheme: String, parameters: [String: String] = [:]) {
        self.scheme = scheme
        self.parameters = parameters
    }

    public var isBasic: Bool { scheme.lowercased() == "basic" }
    public var isBearer: Bool { scheme.lowercased() == "bearer" }

    /// Every challenge in one or more header values.
    public static func parse(_ headerValues: [String]) -> [AuthChallenge] {
        headerValues.flatMap { parse($0) }
    }

    public static func parse(_ header: String) -> [AuthChallenge] {
        var scanner = ChallengeScanner(header)
        var challenges: [AuthChallenge] = []
        while !scanner.atEnd {
            scanner.skip(while: { $0 == " " || $0 == "\t" || $0 == "," })
            guard let name = scanner.token() else {
                scanner.advance()  // a stray character: skip it and go on
                continue
            }
            scanner.skip(while: { $0 == " " || $0 == "\t" })
            // `name=` is a parameter of the current challenge; a bare name starts a new one.
            if scanner.peek() == "=", !challenges.isEmpty {
                scanner.advance()
                scanner.skip(while: { $0 == " " || $0 == "\t" })
                let value = scanner.peek() == "\"" ? scanner.quoted() : (scanner.token() ?? "")
                challenges[challenges.count - 1].parameters[name.lowercased()] = value
            } else {
                challenges.append(AuthChallenge(scheme: name))
            }
        }
        return challenges
    }
}
