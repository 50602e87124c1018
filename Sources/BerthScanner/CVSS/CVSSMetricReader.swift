/// The `METRIC:VALUE/METRIC:VALUE` grammar shared by v2 and v3. Both
/// versions differ only in their metric tables, so one reader keeps the
/// error wording, and the order in which problems are reported, identical.
struct CVSSMetricReader: Sendable {
    /// One row of a version's metric table, in the specification's order;
    /// that order is also the one normalised vectors are written in.
    typealias Metric = (name: String, values: [String], isBase: Bool)

    let metrics: [Metric]

    /// Reports the first problem from the left, then the first missing base
    /// metric in table order, so the message points where a reader looks first.
    func read(_ body: Substring, input: String) throws(CVSSError) -> [String: String] {
        guard !body.isEmpty else {
            throw .missingBaseMetric(metrics.first(where: \.isBase)?.name ?? "", input: input)
        }
        var found: [String: String] = [:]
        for component in body.split(separator: "/", omittingEmptySubsequences: false) {
            guard let colon = component.firstIndex(of: ":"), colon != component.startIndex else {
                throw .malformedComponent(String(component), input: input)
            }
            let name = String(component[..<colon])
            let value = String(component[component.index(after: colon)...])
            guard let metric = metrics.first(where: { $0.name == name }) else {
                throw .unknownMetric(name, input: input)
            }
            guard found[name] == nil else { throw .duplicateMetric(name, input: input) }
            guard metric.values.contains(value) else {
                throw .invalidValue(metric: name, value: value, input: input)
            }
            found[name] = value
        }
        if let missing = metrics.first(where: { $0.isBase && found[$0.name] == nil }) {
            throw .missingBaseMetric(missing.name, input: input)
        }
        return found
    }

    /// Writes `pairs` back in table order, so two spellings of one vector
    /// compare and store equal.
    func normalized(_ pairs: [String: String]) -> String {
        metrics.compactMap { metric in pairs[metric.name].map { "\(metric.name):\($0)" } }.joined(separator: "/")
    }

    /// Feeds pad vectors with spaces and newlines; inner whitespace stays an error.
    static func trimmed(_ text: String) -> Substring {
        let start = text.firstIndex(where: { !$0.isWhitespace }) ?? text.endIndex
        let end = text.lastIndex(where: { !$0.isWhitespace }).map(text.index(after:)) ?? start
        return text[start..<end]
    }

    static func metric<Value: CVSSMetricValue>(_ name: String, _ type: Value.Type, isBase: Bool) -> Metric {
        (name, Value.allCases.map(\.rawValue), isBase)
    }

    static func metric(_ name: String, _ values: [String]) -> Metric {
        (name, values, false)
    }
}
