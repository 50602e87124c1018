import Testing
@testable import BerthSearch

/// §6.2 string forms: prefix, `"…"`, `r/`, `!`, `*`, `-`.
struct StringPredicateTests {
    static let parseCases: [(String, SearchPredicate)] = [
        ("nginx", .prefix("nginx", negated: false)),
        ("!nginx", .prefix("nginx", negated: true)),
        ("\"nginx\"", .exact("nginx", negated: false)),
        ("!\"nginx\"", .exact("nginx", negated: true)),
        ("r/ngi.x", .regex(SearchRegex("ngi.x")!, negated: false)),
        ("!r/ngi.x", .regex(SearchRegex("ngi.x")!, negated: true)),
        ("*", .exists),
        ("-", .missing),
        // Modifiers need a non-empty remainder; otherwise the text is literal.
        ("!", .prefix("!", negated: false)),
        ("r/", .prefix("r/", negated: false)),
        ("\"", .prefix("\"", negated: false)),
        ("!!", .prefix("!", negated: true)),
        ("\"\"", .exact("", negated: false)),
        ("r/\"x\"", .regex(SearchRegex("\"x\"")!, negated: false)),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "Image") == expected)
    }

    static let matchCases: [(String, [String])] = [
        ("Image:docker.io", ["nginx", "alpine"]),
        ("Image:DOCKER.IO/Library", ["nginx", "alpine"]),
        ("Image:library", []),
        ("Image Registry:!docker.io", ["redis", "busybox"]),
        ("Image Tag:\"latest\"", ["redis"]),
        ("Image Tag:\"Latest\"", []),
        ("Image Tag:lat", ["redis"]),
        ("Image Tag:!\"latest\"", ["nginx", "alpine", "busybox"]),
        ("Image Tag:*", ["nginx", "redis", "alpine"]),
        ("Image Tag:-", ["busybox"]),
        ("Image:r/.*nginx.*", ["nginx"]),
        ("Image:r/NGINX", ["nginx"]),
        ("Image:r/^gcr\\.io", ["busybox"]),
        ("Image:!r/library", ["redis", "busybox"]),
        ("CVE:CVE-2021-44228,CVE-2022-0001", ["nginx", "redis"]),
        // Any row: nginx has another CVE; alpine has none, which a negation accepts.
        ("CVE:!CVE-2021-44228", ["nginx", "redis", "alpine", "busybox"]),
        ("CVE:!CVE-20", ["alpine"]),
        ("CVE:-", ["alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }
}
