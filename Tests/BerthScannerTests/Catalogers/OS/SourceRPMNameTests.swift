import Testing
@testable import BerthScanner

@Suite struct SourceRPMNameTests {
    @Test(arguments: [
        ("bash-5.1.8-6.el9.src.rpm", "bash", "5.1.8-6.el9"),
        ("python3.11-3.11.5-1.el9_3.src.rpm", "python3.11", "3.11.5-1.el9_3"),
        ("glibc-langpack-2.34-83.el9.nosrc.rpm", "glibc-langpack", "2.34-83.el9"),
        ("perl-IO-Socket-SSL-2.073-1.el9.src.rpm", "perl-IO-Socket-SSL", "2.073-1.el9"),
        ("openssl-3.0.7-27.el9.src", "openssl", "3.0.7-27.el9"),
    ])
    func splitsNameAndVersionRelease(fileName: String, name: String, versionRelease: String) throws {
        let parsed = try #require(SourceRPMName(fileName: fileName))
        #expect(parsed.name == name)
        #expect(parsed.versionRelease == versionRelease)
    }

    @Test(arguments: ["", "(none)", "bash.src.rpm", "bash-5.1.src.rpm", "-1-2.src.rpm", "noarchdot"])
    func rejectsMalformedNames(fileName: String) {
        #expect(SourceRPMName(fileName: fileName) == nil)
    }
}
