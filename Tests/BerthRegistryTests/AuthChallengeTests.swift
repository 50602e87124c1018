import BerthRegistry
import Testing

@Suite("WWW-Authenticate parsing")
struct AuthChallengeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var header: String
        var expected: [AuthChallenge]
        var testDescription: String { header }
    }

    static let cases: [Case] = [
        Case(header: #"Basic realm="berth-test""#, expected: [AuthChallenge(scheme: "Basic", parameters: ["realm": "berth-test"])]),
        Case(
            header: #"Bearer realm="http://127.0.0.1:5002/token",service="berth-test-registry",scope="repository:test/app:pull""#,
            expected: [AuthChallenge(scheme: "Bearer", parameters: [
                "realm": "http://127.0.0.1:5002/token", "service": "berth-test-registry", "scope": "repository:test/app:pull",
            ])]
        ),
        Case(
            header: #"Bearer realm="https://auth.example/token",scope="repository:a/b:pull,push""#,
            expected: [AuthChallenge(scheme: "Bearer", parameters: ["realm": "https://auth.example/token", "scope": "repository:a/b:pull,push"])]
        ),
        Case(
            header: #"Basic realm="one", Bearer realm="https://t.example/token", service="reg""#,
            expected: [
                AuthChallenge(scheme: "Basic", parameters: ["realm": "one"]),
                AuthChallenge(scheme: "Bearer", parameters: ["realm": "https://t.example/token", "service": "reg"]),
            ]
        ),
        Case(header: #"Basic Realm = "spaced out""#, expected: [AuthChallenge(scheme: "Basic", parameters: ["realm": "spaced out"])]),
        Case(header: #"Basic realm="say \"hi\"""#, expected: [AuthChallenge(scheme: "Basic", parameters: ["realm": #"say "hi""#])]),
        Case(header: "Bearer realm=https://unquoted.example/token,service=reg", expected: [
            AuthChallenge(scheme: "Bearer", parameters: ["realm": "https://unquoted.example/token", "service": "reg"]),
        ]),
        Case(header: "Negotiate", expected: [AuthChallenge(scheme: "Negotiate")]),
        Case(header: "", expected: []),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) {
        #expect(AuthChallenge.parse(testCase.header) == testCase.expected)
    }

    @Test func schemesAreCaseInsensitive() {
        let challenges = AuthChallenge.parse(#"BEARER realm="x""#)
        #expect(challenges.first?.isBearer == true)
        #expect(challenges.first?.isBasic == false)
    }
}
