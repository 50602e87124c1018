import Testing
@testable import BerthScanner

/// StackRox serves metrics as protobuf enum names; these must match
/// `storage.CVSSV2`/`storage.CVSSV3` exactly or clients show blanks.
struct CVSSStackRoxNameTests {
    @Test func v2Names() {
        #expect(CVSSv2AccessVector.allCases.map(\.stackRoxName) == ["ATTACK_LOCAL", "ATTACK_ADJACENT", "ATTACK_NETWORK"])
        #expect(CVSSv2AccessComplexity.allCases.map(\.stackRoxName) == ["ACCESS_HIGH", "ACCESS_MEDIUM", "ACCESS_LOW"])
        #expect(CVSSv2Authentication.allCases.map(\.stackRoxName) == ["AUTH_MULTIPLE", "AUTH_SINGLE", "AUTH_NONE"])
        #expect(CVSSv2Impact.allCases.map(\.stackRoxName) == ["IMPACT_NONE", "IMPACT_PARTIAL", "IMPACT_COMPLETE"])
        #expect(CVSSv2Severity.allCases.map(\.stackRoxName) == ["UNKNOWN", "LOW", "MEDIUM", "HIGH"])
    }

    @Test func v3Names() {
        #expect(
            CVSSv3AttackVector.allCases.map(\.stackRoxName)
                == ["ATTACK_LOCAL", "ATTACK_ADJACENT", "ATTACK_NETWORK", "ATTACK_PHYSICAL"])
        #expect(CVSSv3AttackComplexity.allCases.map(\.stackRoxName) == ["COMPLEXITY_LOW", "COMPLEXITY_HIGH"])
        #expect(
            CVSSv3PrivilegesRequired.allCases.map(\.stackRoxName)
                == ["PRIVILEGE_NONE", "PRIVILEGE_LOW", "PRIVILEGE_HIGH"])
        #expect(CVSSv3UserInteraction.allCases.map(\.stackRoxName) == ["UI_NONE", "UI_REQUIRED"])
        #expect(CVSSv3Scope.allCases.map(\.stackRoxName) == ["UNCHANGED", "CHANGED"])
        #expect(CVSSv3Impact.allCases.map(\.stackRoxName) == ["IMPACT_NONE", "IMPACT_LOW", "IMPACT_HIGH"])
        #expect(
            CVSSv3Severity.allCases.map(\.stackRoxName)
                == ["UNKNOWN", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"])
    }

    @Test func namesReadBack() {
        #expect(CVSSv3AttackVector(stackRoxName: "ATTACK_PHYSICAL") == .physical)
        #expect(CVSSv2Impact(stackRoxName: "IMPACT_PARTIAL") == .partial)
        #expect(CVSSv3Severity(stackRoxName: "CRITICAL") == .critical)
        #expect(CVSSv3Impact(stackRoxName: "IMPACT_PARTIAL") == nil)
    }

    /// A parsed Log4Shell vector yields every field of a `storage.CVSSV3`.
    @Test func log4ShellAsStackRoxFields() throws {
        let vector = try CVSSv3Vector(parsing: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
        let fields = [
            vector.attackVector.stackRoxName, vector.attackComplexity.stackRoxName,
            vector.privilegesRequired.stackRoxName, vector.userInteraction.stackRoxName, vector.scope.stackRoxName,
            vector.confidentiality.stackRoxName, vector.integrity.stackRoxName, vector.availability.stackRoxName,
            vector.score.severity.stackRoxName,
        ]
        #expect(
            fields == [
                "ATTACK_NETWORK", "COMPLEXITY_LOW", "PRIVILEGE_NONE", "UI_NONE", "CHANGED", "IMPACT_HIGH",
                "IMPACT_HIGH", "IMPACT_HIGH", "CRITICAL",
            ])
    }
}
