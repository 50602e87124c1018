import BerthSearch
import BerthStore
import Testing
@testable import BerthServices

/// Which queries are narrowed through the image index before matching.
@Suite struct ImageSearchIndexTests {
    func filters(_ text: String) throws -> [IndexFilter] {
        ImageService.candidateFilters(try ImageSearch.parse(text))
    }

    @Test func positiveCVEComponentAndSeverityClausesUseTheIndex() throws {
        #expect(try filters("CVE:CVE-2023-4911") == [IndexFilter("cve", prefixes: ["cve-2023-4911"])])
        #expect(try filters("CVE:\"CVE-2023-4911\"") == [IndexFilter("cve", prefixes: ["cve-2023-4911"])], "exact is re-checked after a case-insensitive prefix lookup")
        #expect(try filters("Component:openssl,libc6") == [IndexFilter("component", prefixes: ["openssl", "libc6"])])
        #expect(try filters("Severity:CRITICAL_VULNERABILITY_SEVERITY") == [IndexFilter("severity", ["CRITICAL_VULNERABILITY_SEVERITY"])])
        #expect(try filters("CVE:CVE-2023+Image Tag:1.0").count == 1, "only the indexed clause narrows")
        #expect(try filters("CVE:CVE-2023+Component:zlib").count == 2)
    }

    @Test func negationsRegexesAndOtherFieldsReadEveryImage() throws {
        #expect(try filters("CVE:!CVE-2023-4911").isEmpty)
        #expect(try filters("Component:r/open.*").isEmpty)
        #expect(try filters("Image Tag:1.0").isEmpty)
        #expect(try filters("").isEmpty)
    }
}
