import Testing
@testable import BerthScanner

/// How v3 vector strings are read, normalised and refused.
struct CVSSv3ParsingTests {
    @Test func readsEveryBaseMetric() throws {
        let vector = try CVSSv3Vector(parsing: "CVSS:3.0/AV:P/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:H")
        #expect(vector.version == .v3_0)
        #expect(vector.attackVector == .physical)
        #expect(vector.attackComplexity == .high)
        #expect(vector.privilegesRequired == .low)
        #expect(vector.userInteraction == .required)
        #expect(vector.scope == .changed)
        #expect(vector.confidentiality == .low)
        #expect(vector.integrity == .none)
        #expect(vector.availability == .high)
        #expect(vector.exploitCodeMaturity == .notDefined)
        #expect(vector.unscoredMetrics.isEmpty)
    }

    /// Metric order is free on input; output follows Table 15 and drops
    /// Not Defined values, so equal vectors store as equal strings.
    @Test func normalisesOrderAndNotDefined() throws {
        let vector = try CVSSv3Vector(
            parsing: " CVSS:3.1/MAV:X/A:H/CR:H/I:H/C:H/S:U/RC:X/UI:N/PR:N/E:F/AC:L/AV:N/MC:L \n")
        #expect(vector.vectorString == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/CR:H/MC:L")
        #expect(vector.description == vector.vectorString)
        #expect(vector.exploitCodeMaturity == .functional)
        #expect(vector.unscoredMetrics == ["CR": "H", "MC": "L"])
        #expect(try CVSSv3Vector(parsing: vector.vectorString) == vector)
    }

    @Test func buildsFromMetrics() {
        let vector = CVSSv3Vector(
            attackVector: .network, attackComplexity: .low, privilegesRequired: .none, userInteraction: .none,
            scope: .changed, confidentiality: .high, integrity: .high, availability: .high)
        #expect(vector.vectorString == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
        #expect(vector.score.baseScore == 10.0)
    }

    static let invalid: [(String, String)] = [
        ("", #"empty CVSS vector """#),
        ("  ", #"empty CVSS vector "  ""#),
        ("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"missing "CVSS:3.0/" or "CVSS:3.1/" prefix in "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"missing "CVSS:3.0/" or "CVSS:3.1/" prefix in "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"unsupported CVSS version "3.2" in "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", #"unsupported CVSS version "4.0" in "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N""#),
        ("CVSS:3.1", #"missing base metric AV in "CVSS:3.1""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/XX:H", #"unknown metric "XX" in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/XX:H""#),
        ("CVSS:3.1/AV:N/AC:L/Au:N/UI:N/S:U/C:H/I:H/A:H", #"unknown metric "Au" in "CVSS:3.1/AV:N/AC:L/Au:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"unknown metric "av" in "CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"invalid value "Q" for metric AV in "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/AV:NX/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"invalid value "NX" for metric AV in "CVSS:3.1/AV:NX/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"invalid value "X" for metric AV in "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:", #"invalid value "" for metric A in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z", #"invalid value "Z" for metric E in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:Q", #"invalid value "Q" for metric MAV in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:Q""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:N", #"invalid value "N" for metric CR in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:N""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L", #"duplicate metric AV in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", #"missing base metric S in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/E:H", #"missing base metric A in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/E:H""#),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", #"empty component in "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/""#),
        ("CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"empty component in "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H""#),
        ("CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"malformed component "AVN" in "CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", expected METRIC:VALUE"#),
        ("CVSS:3.1/:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", #"malformed component ":N" in "CVSS:3.1/:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", expected METRIC:VALUE"#),
    ]

    @Test(arguments: invalid)
    func refuses(input: String, message: String) {
        #expect {
            try CVSSv3Vector(parsing: input)
        } throws: { error in
            guard let error = error as? CVSSError else { return false }
            return error.description == message && error.input == input
        }
    }

    @Test func errorsCarryTheirParts() {
        let input = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L"
        #expect(throws: CVSSError.duplicateMetric("AV", input: input)) { try CVSSv3Vector(parsing: input) }
        let bad = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:W/A:H"
        #expect(throws: CVSSError.invalidValue(metric: "I", value: "W", input: bad)) {
            try CVSSv3Vector(parsing: bad)
        }
    }
}
