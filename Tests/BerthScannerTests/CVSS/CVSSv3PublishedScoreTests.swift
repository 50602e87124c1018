import Testing
@testable import BerthScanner

/// v3 vectors whose base scores were published by FIRST or NVD.
struct CVSSv3PublishedScoreTests {
    /// FIRST's "CVSS v3.1: Examples" (and the v3.0 edition it revises): every
    /// worked example's vector and base score. The base formulas did not
    /// change between 3.0 and 3.1, so each must score the same under both.
    static let firstExamples: [(String, String, Double)] = [
        ("CVE-2013-1937 phpMyAdmin reflected XSS", "AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVE-2013-0375 MySQL stored SQL injection", "AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4),
        ("CVE-2014-3566 SSLv3 POODLE", "AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1),
        ("CVE-2012-1516 VMware guest to host escape", "AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9),
        ("CVE-2009-0783 Apache Tomcat XML parser", "AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2),
        ("CVE-2012-0384 Cisco IOS command execution", "AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8),
        ("CVE-2015-1098 Apple iWork denial of service", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8),
        ("CVE-2014-0160 OpenSSL Heartbleed", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5),
        ("CVE-2014-6271 GNU Bash Shellshock", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVE-2008-1447 DNS Kaminsky bug", "AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8),
        ("CVE-2014-2005 Sophos login screen bypass", "AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8),
        ("CVE-2010-0467 Joomla directory traversal", "AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8),
        ("CVE-2012-1342 Cisco access control bypass", "AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", 5.8),
        ("CVE-2013-6014 Juniper proxy ARP denial of service", "AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3),
        ("CVE-2014-9253 DokuWiki reflected XSS", "AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4),
        ("CVE-2009-0658 Adobe Acrobat buffer overflow", "AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8),
        ("CVE-2011-1265 Microsoft Windows Bluetooth RCE", "AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8),
        ("CVE-2014-2019 Apple iOS security control bypass", "AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6),
        ("CVE-2015-0970 SearchBlox CSRF", "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8),
        ("CVE-2014-0224 OpenSSL CCS injection", "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4),
        ("CVE-2012-5376 Google Chrome sandbox bypass", "AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6),
    ]

    @Test(arguments: firstExamples)
    func firstExample(name: String, metrics: String, expected: Double) throws {
        for version in CVSSv3Version.allCases {
            let score = try CVSSv3Vector(parsing: "CVSS:\(version.rawValue)/\(metrics)").score
            #expect(score.baseScore == expected, "\(name) under \(version.rawValue)")
            #expect(score.severity == CVSSv3Severity(score: expected))
        }
    }

    /// Distinct vectors and scores from NVD's feeds, chosen for coverage:
    /// every attack vector, both scopes with every privilege level, and
    /// impacts from one Low metric up to three High ones.
    static let nvdFeed: [(String, Double)] = [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N", 10.0),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N", 8.2),
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N", 5.4),
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:N/I:N/A:L", 3.5),
        ("CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:U/C:N/I:L/A:N", 2.4),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:H", 8.2),
        ("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5),
        ("CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 5.5),
        ("CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:L/A:N", 2.5),
        ("CVSS:3.0/AV:A/AC:H/PR:H/UI:N/S:C/C:H/I:H/A:H", 7.6),
        ("CVSS:3.0/AV:A/AC:H/PR:H/UI:N/S:C/C:H/I:L/A:L", 6.8),
        ("CVSS:3.0/AV:A/AC:H/PR:H/UI:N/S:C/C:L/I:N/A:N", 2.6),
        ("CVSS:3.0/AV:A/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N", 4.3),
        ("CVSS:3.0/AV:L/AC:H/PR:H/UI:N/S:C/C:L/I:N/A:N", 2.5),
        ("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N", 1.8),
        ("CVSS:3.0/AV:L/AC:L/PR:H/UI:N/S:C/C:N/I:L/A:L", 4.6),
        ("CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:C/C:L/I:L/A:H", 6.6),
        ("CVSS:3.0/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 8.2),
        ("CVSS:3.0/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.0),
        ("CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:N", 7.4),
        ("CVSS:3.0/AV:L/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:H", 7.7),
    ]

    @Test(arguments: nvdFeed)
    func nvdFeedVector(vector: String, expected: Double) throws {
        #expect(try CVSSv3Vector(parsing: vector).score.baseScore == expected)
    }

    /// Subscores as NVD shows them next to the base score.
    static let withSubscores: [(String, Double, Double, Double, CVSSv3Severity)] = [
        // CVE-2021-44228 Log4Shell.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, 6.0, 3.9, .critical),
        // CVE-2014-0160 Heartbleed.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, 3.6, 3.9, .high),
        // CVE-2014-6271 Shellshock.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, 5.9, 3.9, .critical),
        // CVE-2013-1937: 2.83525 exploitability rounds down, so this is
        // rounding to nearest, not Roundup.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, 2.7, 2.8, .medium),
    ]

    @Test(arguments: withSubscores)
    func subscores(
        vector: String, base: Double, impact: Double, exploitability: Double, severity: CVSSv3Severity
    ) throws {
        let score = try CVSSv3Vector(parsing: vector).score
        #expect(score.baseScore == base)
        #expect(score.impactScore == impact)
        #expect(score.exploitabilityScore == exploitability)
        #expect(score.severity == severity)
        #expect(score.vector == vector)
        #expect(score.version == .v3_1)
    }

    /// No impact means no score whatever the exploitability, and under a
    /// changed scope the impact polynomial would be negative without the
    /// `Impact <= 0` rule.
    @Test(arguments: [
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N",
        "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N",
    ])
    func noImpactScoresZero(vector: String) throws {
        let score = try CVSSv3Vector(parsing: vector).score
        #expect(score.baseScore == 0.0)
        #expect(score.impactScore == 0.0)
        #expect(score.temporalScore == 0.0)
        #expect(score.severity == .none)
        #expect(score.severity.stackRoxName == "NONE")
    }

    /// The same metrics with the scope flipped: Changed both swaps the PR
    /// weights (0.62 to 0.68, 0.27 to 0.5) and applies the 1.08 multiplier.
    @Test func scopeChangedRaisesScore() throws {
        let unchanged = try CVSSv3Vector(parsing: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H").score
        let changed = try CVSSv3Vector(parsing: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H").score
        #expect(unchanged.baseScore == 8.8)
        #expect(unchanged.exploitabilityScore == 2.8)
        #expect(changed.baseScore == 9.9)
        #expect(changed.exploitabilityScore == 3.1)
        #expect(changed.impactScore == 6.0)

        let highUnchanged = try CVSSv3Vector(parsing: "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H").score
        let highChanged = try CVSSv3Vector(parsing: "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H").score
        #expect(highUnchanged.baseScore == 6.7)
        #expect(highUnchanged.exploitabilityScore == 0.8)
        #expect(highChanged.baseScore == 8.2)
        #expect(highChanged.exploitabilityScore == 1.5)
    }

    /// Temporal and environmental metrics are validated but leave the base
    /// score alone.
    @Test func extraMetricsDoNotChangeBaseScore() throws {
        let plain = try CVSSv3Vector(parsing: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N").score
        let full = try CVSSv3Vector(
            parsing: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:P/RL:W/RC:C/CR:H/MAV:L/MS:U/MC:H"
        ).score
        #expect(full.baseScore == plain.baseScore)
        #expect(full.impactScore == plain.impactScore)
        #expect(full.exploitabilityScore == plain.exploitabilityScore)
        // 6.1 × 0.94 × 0.97 × 1 = 5.56..., FIRST's calculator shows 5.6.
        #expect(full.temporalScore == 5.6)
    }
}
