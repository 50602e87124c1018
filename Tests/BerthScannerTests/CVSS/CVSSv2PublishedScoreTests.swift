import Testing
@testable import BerthScanner

/// v2 vectors whose scores were published in the v2 guide or by NVD.
struct CVSSv2PublishedScoreTests {
    /// The v2 guide's §3.3 examples, with the subscores it prints.
    static let guideExamples: [(String, String, Double, Double, Double)] = [
        ("CVE-2002-0392 Apache chunked encoding", "AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8, 6.9, 10.0),
        ("CVE-2003-0818 Microsoft ASN.1", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, 10.0, 10.0),
        ("CVE-2003-0062 NOD32 buffer overflow", "AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2, 10.0, 1.9),
    ]

    @Test(arguments: guideExamples)
    func guideExample(name: String, vector: String, base: Double, impact: Double, exploitability: Double) throws {
        let score = try CVSSv2Vector(parsing: vector).score
        #expect(score.baseScore == base, "\(name)")
        #expect(score.impactScore == impact, "\(name)")
        #expect(score.exploitabilityScore == exploitability, "\(name)")
        #expect(score.vector == vector)
    }

    /// Distinct vectors and scores from NVD's v2 feeds, chosen for coverage
    /// of every weight.
    static let nvdFeed: [(String, Double)] = [
        ("AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5),
        ("AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3),
        ("AV:N/AC:M/Au:N/C:P/I:P/A:P", 6.8),
        ("AV:N/AC:L/Au:S/C:P/I:P/A:P", 6.5),
        ("AV:N/AC:L/Au:M/C:C/I:C/A:C", 8.3),
        ("AV:N/AC:M/Au:S/C:P/I:P/A:C", 7.5),
        ("AV:N/AC:L/Au:S/C:C/I:C/A:P", 8.7),
        ("AV:N/AC:L/Au:N/C:N/I:P/A:C", 8.5),
        ("AV:A/AC:H/Au:M/C:N/I:P/A:P", 2.7),
        ("AV:A/AC:M/Au:S/C:P/I:P/A:P", 4.9),
        ("AV:A/AC:L/Au:N/C:C/I:P/A:C", 8.0),
        ("AV:A/AC:H/Au:S/C:N/I:N/A:P", 1.4),
        ("AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2),
        ("AV:L/AC:M/Au:N/C:C/I:C/A:C", 6.9),
        ("AV:L/AC:H/Au:M/C:N/I:N/A:C", 3.7),
        ("AV:L/AC:M/Au:M/C:N/I:P/A:P", 2.7),
        ("AV:L/AC:L/Au:M/C:P/I:N/A:N", 1.4),
        ("AV:L/AC:L/Au:N/C:P/I:N/A:N", 2.1),
        ("AV:N/AC:H/Au:M/C:N/I:N/A:P", 1.7),
    ]

    @Test(arguments: nvdFeed)
    func nvdFeedVector(vector: String, expected: Double) throws {
        let score = try CVSSv2Vector(parsing: vector).score
        #expect(score.baseScore == expected)
        #expect(score.severity == CVSSv2Severity(score: expected))
    }

    /// CVE-2014-0160 Heartbleed as NVD scored it in v2.
    @Test func heartbleed() throws {
        let score = try CVSSv2Vector(parsing: "AV:N/AC:L/Au:N/C:P/I:N/A:N").score
        #expect(score.baseScore == 5.0)
        #expect(score.impactScore == 2.9)
        #expect(score.exploitabilityScore == 10.0)
        #expect(score.severity == .medium)
        #expect(score.severity.stackRoxName == "MEDIUM")
    }

    /// 20 × 1.0 × 0.35 × 0.45 is exactly 3.15: the half goes up, to 3.2.
    @Test func exploitabilityTieRoundsUp() throws {
        let score = try CVSSv2Vector(parsing: "AV:N/AC:H/Au:M/C:N/I:N/A:P").score
        #expect(score.exploitabilityScore == 3.2)
        #expect(score.impactScore == 2.9)
    }

    /// f(Impact) = 0 zeroes the score however exploitable the vector, and
    /// NVD still rates 0.0 Low: v2 has no None band.
    @Test(arguments: ["AV:N/AC:L/Au:N/C:N/I:N/A:N", "AV:L/AC:L/Au:N/C:N/I:N/A:N", "AV:N/AC:M/Au:S/C:N/I:N/A:N"])
    func noImpactScoresZero(vector: String) throws {
        let score = try CVSSv2Vector(parsing: vector).score
        #expect(score.baseScore == 0.0)
        #expect(score.baseScore.sign == .plus)
        #expect(score.impactScore == 0.0)
        #expect(score.severity == .low)
    }

    /// The wrapped and labelled spellings score like the bare one and
    /// normalise to it.
    @Test(arguments: [
        "(AV:N/AC:L/Au:N/C:N/I:N/A:C)", "CVSS:2.0/AV:N/AC:L/Au:N/C:N/I:N/A:C",
        "A:C/I:N/C:N/Au:N/AC:L/AV:N", "  AV:N/AC:L/Au:N/C:N/I:N/A:C\n",
    ])
    func alternativeSpellings(input: String) throws {
        let score = try CVSSv2Vector(parsing: input).score
        #expect(score.baseScore == 7.8)
        #expect(score.vector == "AV:N/AC:L/Au:N/C:N/I:N/A:C")
    }
}
