import Testing
@testable import BerthSearch

/// §6.1: where `+` and `,` split, and what quotes protect.
struct SearchSplittingTests {
    static let pairCases: [(String, [String])] = [
        ("Image:nginx", ["Image:nginx"]),
        ("Image:a+b+CVE:x", ["Image:a+b", "CVE:x"]),
        ("Image:a+CVE:x+Fixable:true", ["Image:a", "CVE:x", "Fixable:true"]),
        ("Image:\"a+b:c\"+CVE:x", ["Image:\"a+b:c\"", "CVE:x"]),
        ("Image:x+CVE:a:b", ["Image:x", "CVE:a:b"]),
        ("a+b+Image:x", ["a+b", "Image:x"]),
        ("+Image:a", ["+Image:a"]),
        ("Image:a+", ["Image:a+"]),
        ("Image:a++CVE:b", ["Image:a+", "CVE:b"]),
        ("", [""]),
    ]

    @Test(arguments: pairCases)
    func splitsPairs(query: String, expected: [String]) {
        #expect(SearchQueryParser.splitPairs(query) == expected)
    }

    static let valueCases: [(String, [String])] = [
        ("a", ["a"]),
        ("a,b", ["a", "b"]),
        ("\"a,b\",c", ["\"a,b\"", "c"]),
        ("a,", ["a", ""]),
        (",a", ["", "a"]),
    ]

    @Test(arguments: valueCases)
    func splitsValues(values: String, expected: [String]) {
        #expect(SearchQueryParser.splitValues(values) == expected)
    }

    @Test func splitsPairAtFirstColonAndTrims() throws {
        let pair = try #require(SearchQueryParser.splitPair("  Image Tag : x:y "))
        #expect(pair.key == "Image Tag")
        #expect(pair.values == "x:y")
    }

    @Test(arguments: ["Image", "Image:", "  Image:  ", ""])
    func ignoresPairsWithoutValue(pair: String) {
        #expect(SearchQueryParser.splitPair(pair) == nil)
    }

    @Test func quotedValueKeepsItsColonAndPlus() throws {
        let query = try SearchQueryParser.parse(
            "Image Tag:\"a+b:c,d\"+Image:x", fields: TestImage.fields, now: TestImage.now)
        #expect(query.clauses.count == 2)
        #expect(query.clauses[0].predicates == [.exact("a+b:c,d", negated: false)])
        #expect(query.clauses[1].predicates == [.prefix("x", negated: false)])
    }
}
