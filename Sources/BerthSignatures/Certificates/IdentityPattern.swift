import Foundation

/// A `certificateIdentity` or `certificateOidcIssuer` expression, compiled once per verification.
///
/// Semantics follow cosign's `CheckCertificatePolicy`, which StackRox calls: Go's `MatchString`,
/// so the expression matches anywhere unless the user anchors it with `^…$`. An empty expression or
/// `.*` imposes no constraint: StackRox skips identity checks for `.*` so that certificates without
/// Fulcio extensions (private PKI) verify. Unlike StackRox, which drops both checks when either is
/// `.*`, each expression here is enforced on its own, so `.*` for one never disables the other.
struct IdentityPattern {
    let source: String
    private let regex: Regex<AnyRegexOutput>?

    init(_ source: String) throws {
        self.source = source
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == ".*" {
            regex = nil
        } else {
            regex = try Regex(source)
        }
    }

    var isUnconstrained: Bool { regex == nil }

    func matches(_ text: String) -> Bool {
        guard let regex else { return true }
        return (try? regex.firstMatch(in: text)) != nil
    }

    /// True when any of `candidates` matches; an unconstrained pattern matches even none.
    func matchesAny(_ candidates: [String]) -> Bool {
        guard regex != nil else { return true }
        return candidates.contains { matches($0) }
    }

    /// A compile error in words a person can fix, or `nil` when `source` compiles.
    static func compileError(_ source: String) -> String? {
        do {
            _ = try IdentityPattern(source)
            return nil
        } catch {
            return "\"\(source)\" is not a valid regular expression (\(error))"
        }
    }
}
