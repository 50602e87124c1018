import Testing
@testable import BerthSearch

/// Whole queries: AND across fields, OR within one, what is ignored, and evaluation rules.
struct SearchQueryTests {
    static let all = ["nginx", "redis", "alpine", "busybox"]

    static let matchCases: [(String, [String])] = [
        ("", all),
        ("Nonsense:abc", all),
        ("Bogus:!!x+Other:r/[", all),
        ("Image", all),
        ("Image:", all),
        ("Image: , ,", all),
        ("CVSS:>=7+Fixable:true", ["nginx"]),
        ("Image Registry:docker.io+Image Tag:3", ["alpine"]),
        ("image registry:quay.io", ["redis"]),
        ("  IMAGE REGISTRY  :  quay.io ", ["redis"]),
        ("Image Registry:quay.io,gcr.io", ["redis", "busybox"]),
        ("Image Registry:quay.io, gcr.io", ["redis", "busybox"]),
        ("Image Registry:quay.io,,gcr.io", ["redis", "busybox"]),
        // The same key twice: the last wins (and the first is never read).
        ("Image:docker.io+Image:quay.io", ["redis"]),
        ("CVSS:abc+CVSS:10", ["nginx"]),
        // Differently written keys for one field stay separate, ANDed clauses.
        ("Image:docker.io+image:quay.io", []),
        ("Image:\"docker.io/library/nginx:1.25\"", ["nginx"]),
        ("Image:docker.io+Bogus:x+CVE:CVE-2021", ["nginx"]),
        ("Image:a+b+CVE:x", []),
    ]

    @Test(arguments: matchCases)
    func matches(query: String, expected: [String]) throws {
        #expect(try TestImage.ids(matching: query) == expected)
    }

    @Test func emptyQueryMatchesAll() throws {
        let query = try SearchQueryParser.parse("Unknown:x", fields: TestImage.fields)
        #expect(query.matchesAll)
        #expect(query == SearchQuery())
    }

    @Test func buildsClausesInQueryOrder() throws {
        let query = try SearchQueryParser.parse("Image:a,!b+CVSS:>1", fields: TestImage.fields)
        #expect(query.clauses == [
            SearchClause(field: TestImage.field("Image"), predicates: [
                .prefix("a", negated: false), .prefix("b", negated: true),
            ]),
            SearchClause(field: TestImage.field("CVSS"), predicates: [.number(.greater, 1)]),
        ])
    }

    @Test func fieldWithoutValuesMatchesNegationsAndMissingOnly() {
        let field = TestImage.field("Image Tag")
        let busybox = TestImage.catalogue[3]
        func matches(_ predicate: SearchPredicate) -> Bool {
            SearchQuery(clauses: [SearchClause(field: field, predicates: [predicate])]).matches(busybox)
        }
        #expect(matches(.missing))
        #expect(matches(.prefix("x", negated: true)))
        #expect(matches(.exact("x", negated: true)))
        #expect(!matches(.exists))
        #expect(!matches(.prefix("x", negated: false)))
    }

    @Test func valueOfAnotherKindSatisfiesNothing() {
        let field = TestImage.field("Image")
        #expect(!SearchPredicate.prefix("1", negated: false).matches(.number(1), in: field))
        #expect(!SearchPredicate.prefix("1", negated: true).matches(.number(1), in: field))
        #expect(!SearchPredicate.number(.equal, 1).matches(.string("1"), in: field))
    }
}
