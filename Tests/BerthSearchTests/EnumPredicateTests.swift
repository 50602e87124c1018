import Testing
@testable import BerthSearch

/// §6.2 enum forms: case-insensitive prefix, `"…"`, `r/`, `!`, and `>=` on positions.
struct EnumPredicateTests {
    static let unknown = "UNKNOWN_VULNERABILITY_SEVERITY"
    static let low = "LOW_VULNERABILITY_SEVERITY"
    static let moderate = "MODERATE_VULNERABILITY_SEVERITY"
    static let important = "IMPORTANT_VULNERABILITY_SEVERITY"
    static let critical = "CRITICAL_VULNERABILITY_SEVERITY"

    static let parseCases: [(String, SearchPredicate)] = [
        ("critical", .enumeration([critical], negated: false)),
        ("CRIT", .enumeration([critical], negated: false)),
        ("u", .enumeration([unknown], negated: false)),
        ("\"critical_vulnerability_severity\"", .enumeration([critical], negated: false)),
        ("\"critical\"", .enumeration([], negated: false)),
        ("r/^(low|moderate)", .enumeration([low, moderate], negated: false)),
        ("r/SEVERITY$", .enumeration([unknown, low, moderate, important, critical], negated: false)),
        ("!critical", .enumeration([critical], negated: true)),
        ("!r/crit", .enumeration([critical], negated: true)),
        ("!\"low_vulnerability_severity\"", .enumeration([low], negated: true)),
        (">=IMPORTANT_VULNERABILITY_SEVERITY", .enumeration([important, critical], negated: false)),
        (">l", .enumeration([moderate, important, critical], negated: false)),
        ("<moderate", .enumeration([unknown, low], negated: false)),
        ("<=low", .enumeration([unknown, low], negated: false)),
        ("=low", .enumeration([low], negated: false)),
        ("nope", .enumeration([], negated: false)),
        (">nope", .enumeration([], negated: false)),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "Severity") == expected)
    }

    static let matchCases: [(String, [String])] = [
        ("Severity:critical", ["nginx"]),
        ("Severity:CRITICAL_VULNERABILITY_SEVERITY", ["nginx"]),
        ("Severity:>=important", ["nginx", "redis"]),
        ("Severity:low,critical", ["nginx", "busybox"]),
        ("Severity:nope", []),
        // nginx also has a MODERATE row; alpine has no rows, which a negation accepts.
        ("Severity:!critical", ["nginx", "redis", "alpine", "busybox"]),
        ("Severity:!r/_", ["alpine"]),
        ("Severity:-", ["alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }

    @Test func enumValueMayBeGivenByNumber() {
        let field = TestImage.field("Severity")
        let predicate = SearchPredicate.enumeration([Self.critical], negated: false)
        #expect(predicate.matches(.number(4), in: field))
        #expect(!predicate.matches(.number(3), in: field))
        #expect(!predicate.matches(.number(9), in: field))
    }
}
