import Testing
@testable import BerthSearch

/// Every error names the bad token and the `Field:value` it came from.
struct SearchErrorTests {
    static let cases: [(String, String)] = [
        ("CVSS:abc", #"cannot parse "abc" as a number (in "CVSS:abc")"#),
        ("cvss:abc", #"cannot parse "abc" as a number (in "CVSS:abc")"#),
        ("CVSS:>=x", #"cannot parse "x" as a number (in "CVSS:>=x")"#),
        ("CVSS:>=", #"cannot parse "" as a number (in "CVSS:>=")"#),
        ("CVSS:8-5", #"invalid range "8-5" (in "CVSS:8-5"): the first value must be less than the second"#),
        ("CVSS:5-5", #"invalid range "5-5" (in "CVSS:5-5"): the first value must be less than the second"#),
        ("CVSS:5-abc", #"invalid range "5-abc" (in "CVSS:5-abc"): cannot parse "abc" as a number"#),
        ("CVSS:!7", #"modifiers (!, r/, "…") are not supported for number fields in "CVSS:!7""#),
        ("CVSS:7,\"8\"", #"modifiers (!, r/, "…") are not supported for number fields in "CVSS:"8"""#),
        ("Image:r/[", #"invalid regex "[" in "Image:r/[""#),
        ("Image:ok,!r/(a", #"invalid regex "(a" in "Image:!r/(a""#),
        ("Severity:r/(", #"invalid regex "(" in "Severity:r/(""#),
        ("Image Created Time:13/45/2020",
         #"invalid time query "13/45/2020" in "Image Created Time:13/45/2020": must be of the format 01/02/2006 or 1d"#),
        ("Image Created Time:>=yesterday",
         #"invalid time query "yesterday" in "Image Created Time:>=yesterday": must be of the format 01/02/2006 or 1d"#),
        ("Image Created Time:7d-1d",
         #"invalid range "7d-1d" in "Image Created Time:7d-1d": the first value must be less than the second"#),
        ("Image Created Time:tr/5",
         #"invalid time range "tr/5" in "Image Created Time:tr/5": must be of the format tr/<fromMillis>-<toMillis>"#),
        ("Image Created Time:tr/a-b",
         #"invalid time range "tr/a-b" in "Image Created Time:tr/a-b": must be of the format tr/<fromMillis>-<toMillis>"#),
        ("Image Created Time:!1d", #"modifiers (!, r/, "…") are not supported for time fields in "Image Created Time:!1d""#),
        ("Fixable:maybe", #"cannot parse "maybe" as a bool (in "Fixable:maybe")"#),
        ("Fixable:\"true\"", #"modifiers (!, r/, "…") are not supported for bool fields in "Fixable:"true"""#),
        ("Image:!!nginx", #""!!" (at least one) is not supported in "Image:!!nginx""#),
        ("CVSS:!!7", #""!!" (at least one) is not supported in "CVSS:!!7""#),
        ("Severity:!!low", #""!!" (at least one) is not supported in "Severity:!!low""#),
        ("Image Label:app=!!x", #""!!" (at least one) is not supported in "Image Label:app=!!x""#),
        ("Image Label:!app=web", #"cannot negate a map key and also match its value in "Image Label:!app=web""#),
        ("Image Label:!=web", #"cannot negate a map key and also match its value in "Image Label:!=web""#),
        ("Image Label:r/[=x", #"invalid regex "[" in "Image Label:r/[=x""#),
        ("Image Label:app=r/[", #"invalid regex "[" in "Image Label:app=r/[""#),
    ]

    @Test(arguments: cases)
    func reports(query: String, message: String) {
        #expect(throws: SearchError(message)) {
            try SearchQueryParser.parse(query, fields: TestImage.fields, now: TestImage.now)
        }
    }

    @Test func describesItselfByItsMessage() {
        let error = SearchError("field \"X\" does not exist")
        #expect(error.description == error.message)
        #expect("\(error)" == "field \"X\" does not exist")
    }
}
