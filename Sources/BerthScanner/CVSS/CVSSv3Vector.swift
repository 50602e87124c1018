import Foundation

/// A parsed CVSS v3.0 or v3.1 vector. The version is part of the value, not
/// a detail of the string: it decides how scores round.
public struct CVSSv3Vector: Sendable, Hashable, CustomStringConvertible {
    public var version: CVSSv3Version
    public var attackVector: CVSSv3AttackVector
    public var attackComplexity: CVSSv3AttackComplexity
    public var privilegesRequired: CVSSv3PrivilegesRequired
    public var userInteraction: CVSSv3UserInteraction
    public var scope: CVSSv3Scope
    public var confidentiality: CVSSv3Impact
    public var integrity: CVSSv3Impact
    public var availability: CVSSv3Impact
    public var exploitCodeMaturity: CVSSv3ExploitCodeMaturity
    public var remediationLevel: CVSSv3RemediationLevel
    public var reportConfidence: CVSSv3ReportConfidence
    /// Environmental metrics (`CR:H`, `MAV:L`, ...), validated and kept so
    /// the vector string round-trips, but not scored: Berth serves base
    /// scores, and an environment's requirements are the consumer's to
    /// apply. `X` values are dropped because they mean the same as leaving
    /// the metric out.
    public private(set) var unscoredMetrics: [String: String]

    public init(
        version: CVSSv3Version = .v3_1, attackVector: CVSSv3AttackVector, attackComplexity: CVSSv3AttackComplexity,
        privilegesRequired: CVSSv3PrivilegesRequired, userInteraction: CVSSv3UserInteraction, scope: CVSSv3Scope,
        confidentiality: CVSSv3Impact, integrity: CVSSv3Impact, availability: CVSSv3Impact,
        exploitCodeMaturity: CVSSv3ExploitCodeMaturity = .notDefined,
        remediationLevel: CVSSv3RemediationLevel = .notDefined,
        reportConfidence: CVSSv3ReportConfidence = .notDefined
    ) {
        self.version = version
        self.attackVector = attackVector
        self.attackComplexity = attackComplexity
        self.privilegesRequired = privilegesRequired
        self.userInteraction = userInteraction
        self.scope = scope
        self.confidentiality = confidentiality
        self.integrity = integrity
        self.availability = availability
        self.exploitCodeMaturity = exploitCodeMaturity
        self.remediationLevel = remediationLevel
        self.reportConfidence = reportConfidence
        self.unscoredMetrics = [:]
    }

    /// Accepts `CVSS:3.0/...` and `CVSS:3.1/...` with all eight base metrics
    /// in any order, optionally followed by temporal and environmental ones.
    /// The prefix is mandatory (specification §6): without it the rounding
    /// rule is unknown.
    public init(parsing input: String) throws(CVSSError) {
        let text = CVSSMetricReader.trimmed(input)
        guard !text.isEmpty else { throw .empty(input: input) }
        guard text.hasPrefix("CVSS:") else { throw .missingVersion(input: input) }
        let label = text.prefix(while: { $0 != "/" })
        let versionText = label.dropFirst("CVSS:".count)
        guard let version = CVSSv3Version(rawValue: String(versionText)) else {
            throw .unsupportedVersion(String(versionText), input: input)
        }

        let pairs = try Self.reader.read(text.dropFirst(label.count + 1), input: input)
        // The reader has checked every base metric is present with a known
        // letter, and every temporal one present has a known letter.
        self.init(
            version: version,
            attackVector: CVSSv3AttackVector(rawValue: pairs["AV"]!)!,
            attackComplexity: CVSSv3AttackComplexity(rawValue: pairs["AC"]!)!,
            privilegesRequired: CVSSv3PrivilegesRequired(rawValue: pairs["PR"]!)!,
            userInteraction: CVSSv3UserInteraction(rawValue: pairs["UI"]!)!,
            scope: CVSSv3Scope(rawValue: pairs["S"]!)!,
            confidentiality: CVSSv3Impact(rawValue: pairs["C"]!)!,
            integrity: CVSSv3Impact(rawValue: pairs["I"]!)!,
            availability: CVSSv3Impact(rawValue: pairs["A"]!)!,
            exploitCodeMaturity: pairs["E"].flatMap(CVSSv3ExploitCodeMaturity.init(rawValue:)) ?? .notDefined,
            remediationLevel: pairs["RL"].flatMap(CVSSv3RemediationLevel.init(rawValue:)) ?? .notDefined,
            reportConfidence: pairs["RC"].flatMap(CVSSv3ReportConfidence.init(rawValue:)) ?? .notDefined
        )
        unscoredMetrics = pairs.filter { !Self.typedMetricNames.contains($0.key) && $0.value != "X" }
    }

    /// `CVSS:3.x/` then the metrics in the specification's Table 15 order,
    /// Not Defined ones left out, so equal vectors store as equal strings.
    public var vectorString: String {
        var pairs = unscoredMetrics
        pairs["AV"] = attackVector.rawValue
        pairs["AC"] = attackComplexity.rawValue
        pairs["PR"] = privilegesRequired.rawValue
        pairs["UI"] = userInteraction.rawValue
        pairs["S"] = scope.rawValue
        pairs["C"] = confidentiality.rawValue
        pairs["I"] = integrity.rawValue
        pairs["A"] = availability.rawValue
        if exploitCodeMaturity != .notDefined { pairs["E"] = exploitCodeMaturity.rawValue }
        if remediationLevel != .notDefined { pairs["RL"] = remediationLevel.rawValue }
        if reportConfidence != .notDefined { pairs["RC"] = reportConfidence.rawValue }
        return "CVSS:\(version.rawValue)/" + Self.reader.normalized(pairs)
    }

    public var description: String { vectorString }

    /// Specification §7.1 (base) and §7.2 (temporal), evaluated in the same
    /// order as FIRST's reference calculators so that floating-point results,
    /// and therefore the 3.0 rounding, match theirs bit for bit.
    public var score: CVSSv3Score {
        let iss = 1 - ((1 - confidentiality.weight) * (1 - integrity.weight) * (1 - availability.weight))
        let impact =
            switch scope {
            case .unchanged: 6.42 * iss
            case .changed: 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15)
            }
        let exploitability =
            8.22 * attackVector.weight * attackComplexity.weight * privilegesRequired.weight(scope: scope)
            * userInteraction.weight
        let base: Double
        if impact <= 0 {
            base = 0
        } else {
            let sum =
                switch scope {
                case .unchanged: impact + exploitability
                case .changed: 1.08 * (impact + exploitability)
                }
            base = version.roundUp(min(sum, 10))
        }
        let temporal = version.roundUp(
            base * exploitCodeMaturity.weight * remediationLevel.weight * reportConfidence.weight)
        return CVSSv3Score(
            vector: vectorString,
            version: version,
            baseScore: base,
            // A changed-scope vector with no impact at all yields a slightly
            // negative polynomial (-0.2); NVD and StackRox show 0.0 for it.
            impactScore: CVSSRounding.nearestTenth(max(impact, 0)),
            exploitabilityScore: CVSSRounding.nearestTenth(exploitability),
            temporalScore: temporal,
            severity: CVSSv3Severity(score: base)
        )
    }

    private static let typedMetricNames: Set<String> = ["AV", "AC", "PR", "UI", "S", "C", "I", "A", "E", "RL", "RC"]

    /// Specification §6, Table 15: base, temporal, then environmental.
    private static let reader: CVSSMetricReader = {
        let requirement = ["X", "L", "M", "H"]
        let modifiedImpact = ["X", "N", "L", "H"]
        return CVSSMetricReader(metrics: [
            CVSSMetricReader.metric("AV", CVSSv3AttackVector.self, isBase: true),
            CVSSMetricReader.metric("AC", CVSSv3AttackComplexity.self, isBase: true),
            CVSSMetricReader.metric("PR", CVSSv3PrivilegesRequired.self, isBase: true),
            CVSSMetricReader.metric("UI", CVSSv3UserInteraction.self, isBase: true),
            CVSSMetricReader.metric("S", CVSSv3Scope.self, isBase: true),
            CVSSMetricReader.metric("C", CVSSv3Impact.self, isBase: true),
            CVSSMetricReader.metric("I", CVSSv3Impact.self, isBase: true),
            CVSSMetricReader.metric("A", CVSSv3Impact.self, isBase: true),
            CVSSMetricReader.metric("E", CVSSv3ExploitCodeMaturity.self, isBase: false),
            CVSSMetricReader.metric("RL", CVSSv3RemediationLevel.self, isBase: false),
            CVSSMetricReader.metric("RC", CVSSv3ReportConfidence.self, isBase: false),
            CVSSMetricReader.metric("CR", requirement),
            CVSSMetricReader.metric("IR", requirement),
            CVSSMetricReader.metric("AR", requirement),
            CVSSMetricReader.metric("MAV", ["X"] + CVSSv3AttackVector.allCases.map(\.rawValue)),
            CVSSMetricReader.metric("MAC", ["X"] + CVSSv3AttackComplexity.allCases.map(\.rawValue)),
            CVSSMetricReader.metric("MPR", ["X"] + CVSSv3PrivilegesRequired.allCases.map(\.rawValue)),
            CVSSMetricReader.metric("MUI", ["X"] + CVSSv3UserInteraction.allCases.map(\.rawValue)),
            CVSSMetricReader.metric("MS", ["X"] + CVSSv3Scope.allCases.map(\.rawValue)),
            CVSSMetricReader.metric("MC", modifiedImpact),
            CVSSMetricReader.metric("MI", modifiedImpact),
            CVSSMetricReader.metric("MA", modifiedImpact),
        ])
    }()
}
