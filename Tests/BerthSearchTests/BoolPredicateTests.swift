import Testing
@testable import BerthSearch

/// §6.2 bool forms: `true/false/1/0/t/f` and any prefix of true or false.
struct BoolPredicateTests {
    static let parseCases: [(String, SearchPredicate)] = [
        ("true", .bool(true)), ("TRUE", .bool(true)), ("t", .bool(true)), ("T", .bool(true)),
        ("1", .bool(true)), ("tr", .bool(true)), ("tRu", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("f", .bool(false)), ("0", .bool(false)),
        ("fa", .bool(false)),
        ("*", .exists), ("-", .missing),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "Fixable") == expected)
    }

    static let matchCases: [(String, [String])] = [
        ("Fixable:true", ["nginx", "busybox"]),
        ("Fixable:false", ["nginx", "redis"]),
        ("Fixable:true,false", ["nginx", "redis", "busybox"]),
        ("Fixable:-", ["alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }
}
