import Foundation
import Testing
@testable import BerthScanner

@Suite struct OSReleaseFieldsTests {
    @Test func stripsOneLevelOfEitherQuote() {
        let fields = OSReleaseFields(parsing: """
            A="double"
            B='single'
            C=bare
            D="it's"
            E='say "hi"'
            """)
        #expect(fields["A"] == "double")
        #expect(fields["B"] == "single")
        #expect(fields["C"] == "bare")
        #expect(fields["D"] == "it's")
        #expect(fields["E"] == "say \"hi\"")
    }

    @Test func skipsCommentsBlankLinesAndNonAssignments() {
        let fields = OSReleaseFields(parsing: "# ID=commented\n\n  ; ID=also\nprose without equals\nID=real\n")
        #expect(fields.values == ["ID": "real"])
    }

    @Test func handlesEscapesLikeTheShell() {
        let fields = OSReleaseFields(parsing: #"""
            A="quote \" backslash \\ dollar \$ tick \` other \n"
            B=un\ quoted\"
            C='no \escapes in single'
            """#)
        #expect(fields["A"] == #"quote " backslash \ dollar $ tick ` other \n"#)
        #expect(fields["B"] == #"un quoted""#)
        #expect(fields["C"] == #"no \escapes in single"#)
    }

    @Test func trimsTrailingWhitespaceOnlyOutsideQuotes() {
        let fields = OSReleaseFields(parsing: "A=value   \nB=\"kept  \"  \nC=  lead\n")
        #expect(fields["A"] == "value")
        #expect(fields["B"] == "kept  ")
        #expect(fields["C"] == "lead")
    }

    @Test func emptyValuesAndCRLFAndLastLineWithoutNewline() {
        let fields = OSReleaseFields(parsing: "EMPTY=\r\nQUOTED=\"\"\r\nID=debian")
        #expect(fields["EMPTY"] == "")
        #expect(fields["QUOTED"] == "")
        #expect(fields["ID"] == "debian")
    }

    @Test func laterAssignmentWins() {
        #expect(OSReleaseFields(parsing: "ID=first\nID=second\n")["ID"] == "second")
    }

    @Test func unterminatedQuoteKeepsWhatWasRead() {
        #expect(OSReleaseFields(parsing: "ID=\"debian")["ID"] == "debian")
    }

    /// The hand-written tricky fixture must read exactly as /bin/sh reads it,
    /// since os-release is defined as shell-compatible.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sh")))
    func agreesWithTheShellOnTheTrickyFixture() throws {
        let keys = ["NAME", "ID", "VERSION_ID", "PRETTY_NAME", "VARIANT", "BUILD_ID", "EMPTY", "CONTINUED", "HOME_URL"]
        let script = ". ./tricky; " + keys.map { "printf '%s\\0' \"$\($0)\"" }.joined(separator: "; ")
        let output = try OSCatalogerFixtures.run(
            "/bin/sh", ["-c", script],
            in: OSCatalogerFixtures.directory.appendingPathComponent("os-release"))
        let shellValues = output.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(shellValues.count == keys.count)

        let fields = OSReleaseFields(parsing: String(decoding: try OSCatalogerFixtures.data("os-release/tricky"), as: UTF8.self))
        for (key, shellValue) in zip(keys, shellValues) {
            #expect(fields[key] == shellValue, "\(key)")
        }
        #expect(fields["ID"] == "Berth")
        #expect(fields["CONTINUED"] == "first second")
        #expect(fields["1BAD"] == nil)
    }
}
