/// A parsed CVSS v2 vector. NVD's v2 data predates the `CVSS:` label, so the
/// bare form is the norm; the `(AV:N/...)` form comes from NVD's old XML
/// feeds and `CVSS:2.0/` from tools that label every version alike.
public struct CVSSv2Vector: Sendable, Hashable, CustomStringConvertible {
    public var accessVector: CVSSv2AccessVector
    public var accessComplexity: CVSSv2AccessComplexity
    public var authentication: CVSSv2Authentication
    public var confidentiality: CVSSv2Impact
    public var integrity: CVSSv2Impact
    public var availability: CVSSv2Impact
    /// Temporal and environmental metrics (`E:POC`, `CDP:LM`, ...), validated
    /// and kept so the vector string round-trips, but not scored: Berth
    /// serves base scores only. `ND` values are dropped because they mean
    /// the same as leaving the metric out.
    public private(set) var unscoredMetrics: [String: String]

    public init(
        accessVector: CVSSv2AccessVector, accessComplexity: CVSSv2AccessComplexity,
        authentication: CVSSv2Authentication, confidentiality: CVSSv2Impact, integrity: CVSSv2Impact,
        availability: CVSSv2Impact
    ) {
        self.accessVector = accessVector
        self.accessComplexity = accessComplexity
        self.authentication = authentication
        self.confidentiality = confidentiality
        self.integrity = integrity
        self.availability = availability
        self.unscoredMetrics = [:]
    }

    /// Accepts `AV:N/AC:L/Au:N/C:P/I:P/A:P`, the same wrapped in parentheses,
    /// or prefixed with `CVSS:2.0/`; metrics may come in any order.
    public init(parsing input: String) throws(CVSSError) {
        var body = CVSSMetricReader.trimmed(input)
        guard !body.isEmpty else { throw .empty(input: input) }
        if body.hasPrefix("CVSS:") {
            let label = body.prefix(while: { $0 != "/" })
            let version = label.dropFirst("CVSS:".count)
            guard version == "2.0" else { throw .unsupportedVersion(String(version), input: input) }
            body = body.dropFirst(label.count + 1)
        }
        let opens = body.hasPrefix("("), closes = body.hasSuffix(")")
        guard opens == closes else { throw .unbalancedParentheses(input: input) }
        if opens { body = body.dropFirst().dropLast() }

        let pairs = try Self.reader.read(body, input: input)
        // The reader has checked every base metric is present with a known letter.
        self.init(
            accessVector: CVSSv2AccessVector(rawValue: pairs["AV"]!)!,
            accessComplexity: CVSSv2AccessComplexity(rawValue: pairs["AC"]!)!,
            authentication: CVSSv2Authentication(rawValue: pairs["Au"]!)!,
            confidentiality: CVSSv2Impact(rawValue: pairs["C"]!)!,
            integrity: CVSSv2Impact(rawValue: pairs["I"]!)!,
            availability: CVSSv2Impact(rawValue: pairs["A"]!)!
        )
        unscoredMetrics = pairs.filter { !Self.baseMetricNames.contains($0.key) && $0.value != "ND" }
    }

    /// The bare NVD form (`AV:N/AC:L/Au:N/C:P/I:P/A:P`), metrics in the
    /// guide's order, which is what StackRox stores as `vector`.
    public var vectorString: String {
        var pairs = unscoredMetrics
        pairs["AV"] = accessVector.rawValue
        pairs["AC"] = accessComplexity.rawValue
        pairs["Au"] = authentication.rawValue
        pairs["C"] = confidentiality.rawValue
        pairs["I"] = integrity.rawValue
        pairs["A"] = availability.rawValue
        return Self.reader.normalized(pairs)
    }

    public var description: String { vectorString }

    /// v2 guide §3.2.1. Computed on unrounded subscores; only the results
    /// are rounded, which is how NVD's published numbers come out.
    public var score: CVSSv2Score {
        let impact =
            10.41 * (1 - (1 - confidentiality.weight) * (1 - integrity.weight) * (1 - availability.weight))
        let exploitability = 20 * accessVector.weight * accessComplexity.weight * authentication.weight
        // f(Impact) = 0 when Impact = 0: the formula would otherwise go
        // negative (or -0.0) for a vector that affects nothing.
        let base =
            impact == 0
            ? 0.0
            : CVSSRounding.nearestTenth(((0.6 * impact) + (0.4 * exploitability) - 1.5) * 1.176)
        return CVSSv2Score(
            vector: vectorString,
            baseScore: base,
            impactScore: CVSSRounding.nearestTenth(impact),
            exploitabilityScore: CVSSRounding.nearestTenth(exploitability),
            severity: CVSSv2Severity(score: base)
        )
    }

    private static let baseMetricNames: Set<String> = ["AV", "AC", "Au", "C", "I", "A"]

    /// v2 guide §2.4, Table 13: base, then temporal, then environmental.
    private static let reader = CVSSMetricReader(metrics: [
        CVSSMetricReader.metric("AV", CVSSv2AccessVector.self, isBase: true),
        CVSSMetricReader.metric("AC", CVSSv2AccessComplexity.self, isBase: true),
        CVSSMetricReader.metric("Au", CVSSv2Authentication.self, isBase: true),
        CVSSMetricReader.metric("C", CVSSv2Impact.self, isBase: true),
        CVSSMetricReader.metric("I", CVSSv2Impact.self, isBase: true),
        CVSSMetricReader.metric("A", CVSSv2Impact.self, isBase: true),
        CVSSMetricReader.metric("E", ["U", "POC", "F", "H", "ND"]),
        CVSSMetricReader.metric("RL", ["OF", "TF", "W", "U", "ND"]),
        CVSSMetricReader.metric("RC", ["UC", "UR", "C", "ND"]),
        CVSSMetricReader.metric("CDP", ["N", "L", "LM", "MH", "H", "ND"]),
        CVSSMetricReader.metric("TD", ["N", "L", "M", "H", "ND"]),
        CVSSMetricReader.metric("CR", ["L", "M", "H", "ND"]),
        CVSSMetricReader.metric("IR", ["L", "M", "H", "ND"]),
        CVSSMetricReader.metric("AR", ["L", "M", "H", "ND"]),
    ])
}
