import Testing
@testable import BerthScanner

/// 3.0's `Roundup` as FIRST's 3.0 calculator computes it (`ceil(x × 10) / 10`
/// on doubles) against 3.1's integer-arithmetic `Roundup` (specification
/// Appendix A).
struct CVSSv3RoundingTests {
    /// FIRST's 3.1 User Guide §2.6: "The Temporal Score for all
    /// vulnerabilities which have a Base Score of 2.5, 5.0 or 10.0, Exploit
    /// Code Maturity (E) of High (H), Remediation Level (RL) of Unavailable
    /// (U) and Report Confidence (RC) of Unknown (U) is 0.1 lower in CVSS
    /// v3.1 than for 3.0." Its example is the 5.0 vector, 4.7 in 3.0 and 4.6
    /// in 3.1. By hand: 5.0 × 1 × 1 × 0.92 is exactly 4.6, but the double
    /// product is 4.6000000000000005, which a plain ceiling lifts to 4.7;
    /// 3.1 first rounds 460000.00000000006 to the integer 460000, a whole
    /// number of tenths, and keeps 4.6. Likewise 2.5 × 0.92 = 2.3000000000000003
    /// and 10.0 × 0.92 = 9.200000000000001.
    static let temporalDifferences: [(String, Double, Double, Double)] = [
        ("AV:P/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:H/E:H/RL:U/RC:U", 5.0, 4.7, 4.6),
        ("AV:L/AC:H/PR:H/UI:N/S:C/C:L/I:N/A:N/E:H/RL:U/RC:U", 2.5, 2.4, 2.3),
        ("AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:H/RL:U/RC:U", 10.0, 9.3, 9.2),
        // E and RL left Not Defined weigh 1 as well.
        ("AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U", 10.0, 9.3, 9.2),
    ]

    @Test(arguments: temporalDifferences)
    func versionsDisagreeOnTemporalScore(metrics: String, base: Double, v30: Double, v31: Double) throws {
        let old = try CVSSv3Vector(parsing: "CVSS:3.0/\(metrics)").score
        let new = try CVSSv3Vector(parsing: "CVSS:3.1/\(metrics)").score
        #expect(old.baseScore == base)
        #expect(new.baseScore == base)
        #expect(old.temporalScore == v30)
        #expect(new.temporalScore == v31)
    }

    /// The cases FIRST's Roundup rationale is about: values a floating-point
    /// error above a tenth, which 3.1 treats as that tenth (anything within
    /// half of 0.00001 of it), next to values genuinely above one.
    static let roundUpCases: [(Double, Double, Double)] = [
        (4.6000000000000005, 4.7, 4.6),
        (4.000002, 4.1, 4.0),
        (4.000000000000001, 4.1, 4.0),
        (4.00001, 4.1, 4.1),
        (4.02, 4.1, 4.1),
        (4.0, 4.0, 4.0),
        (3.99, 4.0, 4.0),
        (0.0, 0.0, 0.0),
        (10.0, 10.0, 10.0),
    ]

    @Test(arguments: roundUpCases)
    func roundUp(value: Double, v30: Double, v31: Double) {
        #expect(CVSSv3Version.v3_0.roundUp(value) == v30)
        #expect(CVSSv3Version.v3_1.roundUp(value) == v31)
    }

    /// Every one of the 2,592 base metric combinations scores the same
    /// under both versions (checked against exact rational arithmetic when
    /// this was written): 3.1 changed the rounding, not any base result.
    /// The difference only shows once temporal or environmental weights
    /// multiply the base score, as above.
    @Test func baseScoresAgreeAcrossVersions() {
        var compared = 0
        for av in CVSSv3AttackVector.allCases {
            for ac in CVSSv3AttackComplexity.allCases {
                for pr in CVSSv3PrivilegesRequired.allCases {
                    for ui in CVSSv3UserInteraction.allCases {
                        for s in CVSSv3Scope.allCases {
                            for c in CVSSv3Impact.allCases {
                                for i in CVSSv3Impact.allCases {
                                    for a in CVSSv3Impact.allCases {
                                        var vector = CVSSv3Vector(
                                            version: .v3_0, attackVector: av, attackComplexity: ac,
                                            privilegesRequired: pr, userInteraction: ui, scope: s,
                                            confidentiality: c, integrity: i, availability: a)
                                        let old = vector.score
                                        vector.version = .v3_1
                                        let new = vector.score
                                        #expect(old.baseScore == new.baseScore, "\(vector)")
                                        compared += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(compared == 2_592)
    }
}
