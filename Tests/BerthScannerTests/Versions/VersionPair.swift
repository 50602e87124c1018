import Testing

/// One row of a comparator table: the order a package manager itself puts
/// `lhs` and `rhs` in, written the way its documentation or test suite
/// states it (`"1.0~rc1" < "1.0"`).
struct VersionPair: Sendable, CustomTestStringConvertible {
    var lhs: String
    var rhs: String
    /// -1, 0 or 1.
    var expected: Int

    init(_ lhs: String, _ relation: Relation, _ rhs: String) {
        self.lhs = lhs
        self.rhs = rhs
        expected = relation.rawValue
    }

    enum Relation: Int, Sendable {
        case lt = -1
        case eq = 0
        case gt = 1
    }

    var testDescription: String {
        "\(lhs) \(["<", "=", ">"][expected + 1]) \(rhs)"
    }

    /// Checks the row both ways round, so every row also tests antisymmetry.
    func verify(_ compare: (String, String) -> Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(compare(lhs, rhs).signum() == expected, "\(testDescription)", sourceLocation: sourceLocation)
        #expect(compare(rhs, lhs).signum() == -expected, "\(testDescription), reversed", sourceLocation: sourceLocation)
    }
}
