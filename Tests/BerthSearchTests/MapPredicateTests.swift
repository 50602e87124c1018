import Testing
@testable import BerthSearch

/// Map fields (`Image Label`): `key=value`, `key=`, `!key=`, `=value`, `=`.
struct MapPredicateTests {
    static let parseCases: [(String, SearchPredicate)] = [
        ("app=web", .mapEntry(key: .exact("app", negated: false), value: .prefix("web", negated: false), negated: false)),
        ("app=", .mapEntry(key: .exact("app", negated: false), value: nil, negated: false)),
        ("app", .mapEntry(key: .exact("app", negated: false), value: nil, negated: false)),
        ("!app=", .mapEntry(key: .exact("app", negated: false), value: nil, negated: true)),
        ("!app", .mapEntry(key: .exact("app", negated: false), value: nil, negated: true)),
        ("=web", .mapEntry(key: nil, value: .prefix("web", negated: false), negated: false)),
        ("=", .mapEntry(key: nil, value: nil, negated: false)),
        ("app=!web", .mapEntry(key: .exact("app", negated: false), value: .prefix("web", negated: true), negated: false)),
        ("app=\"web\"", .mapEntry(key: .exact("app", negated: false), value: .exact("web", negated: false), negated: false)),
        ("r/^ap=web", .mapEntry(key: .regex(SearchRegex("^ap")!, negated: false), value: .prefix("web", negated: false), negated: false)),
        ("app=a=b", .mapEntry(key: .exact("app", negated: false), value: .prefix("a=b", negated: false), negated: false)),
        ("*", .exists),
        ("-", .missing),
    ]

    @Test(arguments: parseCases)
    func parses(value: String, expected: SearchPredicate) throws {
        #expect(try TestImage.predicate(value, for: "Image Label") == expected)
    }

    static let matchCases: [(String, [String])] = [
        ("Image Label:app=web", ["nginx"]),
        ("Image Label:app=w", ["nginx"]),
        ("Image Label:app=\"we\"", []),
        ("Image Label:tier=front", ["nginx"]),
        ("Image Label:app=", ["nginx", "redis"]),
        ("Image Label:!app=", ["alpine", "busybox"]),
        ("Image Label:=web", ["nginx", "busybox"]),
        ("Image Label:app=!web", ["redis"]),
        ("Image Label:r/^a=web", ["nginx", "busybox"]),
        ("Image Label:=", ["nginx", "redis", "busybox"]),
        ("Image Label:*", ["nginx", "redis", "busybox"]),
        ("Image Label:-", ["alpine"]),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }
}
