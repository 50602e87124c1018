import Testing
@testable import BerthScanner

/// Band edges: v3 per specification §5, v2 per NVD.
struct CVSSSeverityTests {
    static let v3: [(Double, CVSSv3Severity)] = [
        (0.0, .none), (0.1, .low), (3.9, .low), (4.0, .medium), (6.9, .medium), (7.0, .high), (8.9, .high),
        (9.0, .critical), (10.0, .critical), (-0.1, .unknown), (10.1, .unknown), (.nan, .unknown),
    ]

    @Test(arguments: v3)
    func v3Band(score: Double, expected: CVSSv3Severity) {
        #expect(CVSSv3Severity(score: score) == expected)
    }

    static let v2: [(Double, CVSSv2Severity)] = [
        (0.0, .low), (3.9, .low), (4.0, .medium), (6.9, .medium), (7.0, .high), (10.0, .high),
        (-1, .unknown), (10.5, .unknown), (.nan, .unknown),
    ]

    @Test(arguments: v2)
    func v2Band(score: Double, expected: CVSSv2Severity) {
        #expect(CVSSv2Severity(score: score) == expected)
    }
}
