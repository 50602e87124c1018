import Testing
@testable import BerthScanner

/// How v2 vector strings are read, normalised and refused.
struct CVSSv2ParsingTests {
    @Test func readsEveryBaseMetric() throws {
        let vector = try CVSSv2Vector(parsing: "AV:A/AC:M/Au:S/C:P/I:C/A:N")
        #expect(vector.accessVector == .adjacentNetwork)
        #expect(vector.accessComplexity == .medium)
        #expect(vector.authentication == .single)
        #expect(vector.confidentiality == .partial)
        #expect(vector.integrity == .complete)
        #expect(vector.availability == .none)
        #expect(vector.unscoredMetrics.isEmpty)
    }

    /// Temporal and environmental metrics are kept (in the guide's order)
    /// but not scored; `ND` is dropped as meaning "absent".
    @Test func keepsTemporalAndEnvironmentalMetrics() throws {
        let vector = try CVSSv2Vector(parsing: "AV:N/AC:L/Au:N/C:N/I:N/A:C/TD:H/E:F/RL:OF/RC:ND/CDP:LM")
        #expect(vector.vectorString == "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/CDP:LM/TD:H")
        #expect(vector.unscoredMetrics == ["E": "F", "RL": "OF", "CDP": "LM", "TD": "H"])
        #expect(vector.score.baseScore == 7.8)
    }

    @Test func buildsFromMetrics() {
        let vector = CVSSv2Vector(
            accessVector: .network, accessComplexity: .low, authentication: .none, confidentiality: .complete,
            integrity: .complete, availability: .complete)
        #expect(vector.description == "AV:N/AC:L/Au:N/C:C/I:C/A:C")
        #expect(vector.score.baseScore == 10.0)
        #expect(vector.score.severity == .high)
    }

    static let invalid: [(String, String)] = [
        ("", #"empty CVSS vector """#),
        ("CVSS:3.1/AV:N/AC:L/Au:N/C:N/I:N/A:C", #"unsupported CVSS version "3.1" in "CVSS:3.1/AV:N/AC:L/Au:N/C:N/I:N/A:C""#),
        ("(AV:N/AC:L/Au:N/C:N/I:N/A:C", #"unbalanced parentheses in "(AV:N/AC:L/Au:N/C:N/I:N/A:C""#),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C)", #"unbalanced parentheses in "AV:N/AC:L/Au:N/C:N/I:N/A:C)""#),
        ("()", #"missing base metric AV in "()""#),
        ("AV:N/AC:L/PR:N/C:N/I:N/A:C", #"unknown metric "PR" in "AV:N/AC:L/PR:N/C:N/I:N/A:C""#),
        ("AV:N/AC:L/AU:N/C:N/I:N/A:C", #"unknown metric "AU" in "AV:N/AC:L/AU:N/C:N/I:N/A:C""#),
        ("AV:P/AC:L/Au:N/C:N/I:N/A:C", #"invalid value "P" for metric AV in "AV:P/AC:L/Au:N/C:N/I:N/A:C""#),
        ("AV:N/AC:L/Au:N/C:H/I:N/A:C", #"invalid value "H" for metric C in "AV:N/AC:L/Au:N/C:H/I:N/A:C""#),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:X", #"invalid value "X" for metric E in "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:X""#),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C/A:N", #"duplicate metric A in "AV:N/AC:L/Au:N/C:N/I:N/A:C/A:N""#),
        ("AV:N/AC:L/C:N/I:N/A:C", #"missing base metric Au in "AV:N/AC:L/C:N/I:N/A:C""#),
        ("AV:N/AC:L/Au:N/C:N/I:N/A:C/", #"empty component in "AV:N/AC:L/Au:N/C:N/I:N/A:C/""#),
        ("AV:N/AC:L/Au:N/C:N/I:N A:C", #"invalid value "N A:C" for metric I in "AV:N/AC:L/Au:N/C:N/I:N A:C""#),
    ]

    @Test(arguments: invalid)
    func refuses(input: String, message: String) {
        #expect {
            try CVSSv2Vector(parsing: input)
        } throws: { error in
            guard let error = error as? CVSSError else { return false }
            return error.description == message && error.input == input
        }
    }
}
