import Testing
@testable import BerthSearch

/// §6.2 numeric forms: comparisons and the exclusive range.
struct NumberPredicateTests {
    static let parseCases: [(String, SearchPredicate)] = [
        ("7", .number(.equal, 7)),
        ("=7", .number(.equal, 7)),
        ("==7", .number(.equal, 7)),
        (">7", .number(.greater, 7)),
        (">=7", .number(.greaterOrEqual, 7)),
        ("<7", .number(.less, 7)),
        ("<=7.5", .number(.lessOrEqual, 7.5)),
        ("> 7", .number(.greater, 7)),
        ("5-8", .numberRange(5, 8)),
        ("-5--3", .numberRange(-5, -3)),
        ("-3", .number(.equal, -3)),
        ("1e-5", .number(.equal, 0.00001)),
        ("*", .exists),
        ("-", .missing),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "CVSS") == expected)
    }

    static let matchCases: [(String, [String])] = [
        ("CVSS:>=7", ["nginx", "redis"]),
        ("CVSS:>7.5", ["nginx"]),
        ("CVSS:10", ["nginx"]),
        ("CVSS:==5.5", ["nginx"]),
        ("CVSS:<4", ["busybox"]),
        ("CVSS:5-8", ["nginx", "redis"]),
        // Exclusive at both ends.
        ("CVSS:7.5-10", []),
        ("CVSS:3,7.5", ["redis"]),
        ("CVSS:*", ["nginx", "redis", "busybox"]),
        ("CVSS:-", ["alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }
}
