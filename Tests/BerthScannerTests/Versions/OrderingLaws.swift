import Testing

/// Checks that a comparator is a total order over a set of versions. The
/// matcher sorts OSV events with these comparators, and a comparator that
/// is not transitive makes that sort, and so the verdict, depend on input
/// order.
enum OrderingLaws {
    /// Every version taking part in a table, deduplicated, in first-seen order.
    static func versions(in pairs: [VersionPair], plus lists: [[String]] = []) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for version in pairs.flatMap({ [$0.lhs, $0.rhs] }) + lists.flatMap({ $0 }) where seen.insert(version).inserted {
            result.append(version)
        }
        return result
    }

    /// Reflexivity, antisymmetry and transitivity of both `<` and `==`
    /// over every pair and triple of `versions`.
    static func verify(_ compare: (String, String) -> Int, over versions: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let n = versions.count
        var order = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                order[i][j] = compare(versions[i], versions[j]).signum()
            }
        }
        var failures: [String] = []
        for i in 0..<n {
            if order[i][i] != 0 { failures.append("\(versions[i]) != itself") }
            for j in 0..<n where order[i][j] != -order[j][i] {
                failures.append("antisymmetry: \(versions[i]) vs \(versions[j])")
            }
        }
        for i in 0..<n {
            for j in 0..<n where order[i][j] <= 0 {
                for k in 0..<n where order[j][k] <= 0 {
                    let expected = min(order[i][j], order[j][k])
                    let actual = order[i][k]
                    if expected == 0 ? actual != 0 : actual >= 0 {
                        failures.append("transitivity: \(versions[i]) \(order[i][j]) \(versions[j]) \(order[j][k]) \(versions[k]) but \(actual)")
                    }
                }
            }
        }
        if !failures.isEmpty {
            Issue.record(
                "\(failures.count) violations, first: \(failures.prefix(5).joined(separator: "; "))",
                sourceLocation: sourceLocation
            )
        }
    }

    /// `ascending` is strictly increasing, and sorting it from any start
    /// (here: reversed and interleaved) gives it back.
    static func verifySorted(_ compare: @escaping (String, String) -> Int, _ ascending: [String],
                             sourceLocation: SourceLocation = #_sourceLocation) {
        for (lower, higher) in zip(ascending, ascending.dropFirst()) {
            #expect(compare(lower, higher) < 0, "\(lower) < \(higher)", sourceLocation: sourceLocation)
        }
        let interleaved = ascending.enumerated().sorted { ($0.offset % 3, -$0.offset) < ($1.offset % 3, -$1.offset) }.map(\.element)
        for start in [ascending.reversed(), interleaved] {
            let sorted = start.sorted { compare($0, $1) < 0 }
            #expect(sorted == ascending, sourceLocation: sourceLocation)
        }
    }
}
