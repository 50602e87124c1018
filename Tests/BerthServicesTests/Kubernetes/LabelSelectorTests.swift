import BerthModel
import Foundation
import Testing
@testable import BerthServices

/// `kubectl get is -l …` as the API server parses and matches it.
@Suite("Label selector")
struct LabelSelectorTests {
    struct Match: Sendable, CustomTestStringConvertible {
        let selector: String
        let labels: [String: String]
        let matches: Bool
        var testDescription: String { "'\(selector)' on \(labels.sorted { $0.key < $1.key }) → \(matches)" }
    }

    static let web: [String: String] = ["app": "web", "tier": "frontend", "app.kubernetes.io/name": "berth", "empty": "", "replicas": "3"]

    static let table: [Match] = [
        // equality
        Match(selector: "app=web", labels: web, matches: true),
        Match(selector: "app==web", labels: web, matches: true),
        Match(selector: "app=db", labels: web, matches: false),
        Match(selector: "missing=web", labels: web, matches: false),
        Match(selector: "app!=db", labels: web, matches: true),
        Match(selector: "app!=web", labels: web, matches: false),
        Match(selector: "missing!=web", labels: web, matches: true), // a missing key is "not web"
        // sets
        Match(selector: "tier in (frontend,backend)", labels: web, matches: true),
        Match(selector: "tier in (backend)", labels: web, matches: false),
        Match(selector: "missing in (frontend)", labels: web, matches: false),
        Match(selector: "tier notin (frontend,backend)", labels: web, matches: false),
        Match(selector: "tier notin (backend)", labels: web, matches: true),
        Match(selector: "missing notin (frontend)", labels: web, matches: true), // as Kubernetes
        // existence
        Match(selector: "app", labels: web, matches: true),
        Match(selector: "missing", labels: web, matches: false),
        Match(selector: "!missing", labels: web, matches: true),
        Match(selector: "!app", labels: web, matches: false),
        Match(selector: "empty", labels: web, matches: true), // an empty value still exists
        Match(selector: "!empty", labels: web, matches: false),
        // empty values
        Match(selector: "empty=", labels: web, matches: true),
        Match(selector: "empty==", labels: web, matches: true),
        Match(selector: "app=", labels: web, matches: false),
        Match(selector: "empty in ()", labels: web, matches: true),
        Match(selector: "empty in (a,)", labels: web, matches: true),
        Match(selector: "app notin (,x)", labels: web, matches: true),
        // prefixed keys, whitespace, AND
        Match(selector: "app.kubernetes.io/name=berth", labels: web, matches: true),
        Match(selector: "  app = web ,\ttier  in(frontend) , !missing ", labels: web, matches: true),
        Match(selector: "app=web,tier=backend", labels: web, matches: false),
        Match(selector: "app=web,tier!=backend,app.kubernetes.io/name in (berth, other),!gone", labels: web, matches: true),
        // integer comparisons
        Match(selector: "replicas>2", labels: web, matches: true),
        Match(selector: "replicas<3", labels: web, matches: false),
        Match(selector: "app>1", labels: web, matches: false), // not a number
        Match(selector: "missing<10", labels: web, matches: false),
        // keywords are words where a key or value is expected
        Match(selector: "in in (in,notin)", labels: ["in": "notin"], matches: true),
        Match(selector: "notin=in", labels: ["notin": "in"], matches: true),
        // the empty selector selects everything
        Match(selector: "", labels: [:], matches: true),
        Match(selector: "   ", labels: web, matches: true),
        Match(selector: "app", labels: [:], matches: false),
        Match(selector: "!app,tier notin (x)", labels: [:], matches: true),
    ]

    @Test(arguments: table)
    func parsesAndMatches(_ row: Match) throws {
        let selector = try LabelSelector(parsing: row.selector)
        #expect(selector.matches(row.labels) == row.matches)
    }

    @Test func requirementsExposeExactMatches() throws {
        let selector = try LabelSelector(parsing: "tier in (frontend, backend , frontend),app==web,!gone,app.kubernetes.io/name,x!=y")
        #expect(selector.requirements == [
            LabelRequirement(key: "gone", operator: .doesNotExist),
            LabelRequirement(key: "app", operator: .equals, values: ["web"]),
            LabelRequirement(key: "app.kubernetes.io/name", operator: .exists),
            LabelRequirement(key: "tier", operator: .in, values: ["backend", "frontend"]),
            LabelRequirement(key: "x", operator: .notEquals, values: ["y"]),
        ].sorted { $0.key < $1.key })
        let exact = selector.requirements.filter { $0.operator == .equals && $0.values.count == 1 }
        #expect(exact.map { "\($0.key)=\($0.values[0])" } == ["app=web"])
        #expect(!selector.isEmpty)
        #expect(try LabelSelector(parsing: "").isEmpty)
        #expect(try LabelSelector(parsing: " \t ").requirements.isEmpty)
    }

    @Test func equivalentSpellingsAreEqual() throws {
        #expect(try LabelSelector(parsing: "b=2,a in (y,x)") == LabelSelector(parsing: " a in (x,y) , b==2 "))
        #expect(try LabelSelector(parsing: "b=2,a in (y,x)").description == "a in (x,y),b=2")
        #expect(try LabelSelector(parsing: "a!=1,!b,c").description == "a!=1,!b,c")
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let selector: String
        let message: String
        var testDescription: String { "'\(selector)'" }
    }

    static let nameRule = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let valueRule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    static let invalid: [Invalid] = [
        Invalid(selector: "app=web,", message: "unable to parse requirement: found '', expected: identifier after ','"),
        Invalid(selector: ",app", message: "unable to parse requirement: found ',', expected: !, identifier, or 'end of string'"),
        Invalid(selector: "app web", message: "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt"),
        Invalid(selector: "app in web", message: "unable to parse requirement: found 'web', expected: '('"),
        Invalid(selector: "app in (web", message: "unable to parse requirement: found '', expected: ',' or ')'"),
        Invalid(selector: "app in (a b)", message: "unable to parse requirement: found 'b', expected: ',' or ')'"),
        Invalid(selector: "app=(web)", message: "unable to parse requirement: found '(', expected: identifier"),
        Invalid(selector: "app=web=db", message: "unable to parse requirement: found '=', expected: ',' or 'end of string'"),
        Invalid(selector: "!app=web", message: "unable to parse requirement: found '=', expected: ',' or 'end of string'"),
        Invalid(selector: "=web", message: "unable to parse requirement: found '=', expected: !, identifier, or 'end of string'"),
        Invalid(selector: "!", message: "unable to parse requirement: found '', expected: identifier"),
        Invalid(selector: "-app=web", message: "unable to parse requirement: invalid label key \"-app\": name part " + nameRule),
        Invalid(selector: "Example.com/app=web", message: "unable to parse requirement: invalid label key \"Example.com/app\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
        Invalid(selector: "/app", message: "unable to parse requirement: invalid label key \"/app\": prefix part must be non-empty"),
        Invalid(selector: "example.com/", message: "unable to parse requirement: invalid label key \"example.com/\": name part must be non-empty"),
        Invalid(selector: "a/b/c", message: "unable to parse requirement: invalid label key \"a/b/c\": a qualified name " + nameRule + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        Invalid(selector: String(repeating: "k", count: 64), message: "unable to parse requirement: invalid label key \"\(String(repeating: "k", count: 64))\": name part must be no more than 63 characters"),
        Invalid(selector: "app=web@prod", message: "unable to parse requirement: invalid label value \"web@prod\" for key \"app\": " + valueRule),
        Invalid(selector: "app in (ok,-bad)", message: "unable to parse requirement: invalid label value \"-bad\" for key \"app\": " + valueRule),
        Invalid(selector: "app=" + String(repeating: "v", count: 64), message: "unable to parse requirement: invalid label value \"\(String(repeating: "v", count: 64))\" for key \"app\": must be no more than 63 characters"),
        Invalid(selector: "replicas>three", message: "unable to parse requirement: invalid value \"three\" for key \"replicas\": for 'Gt', 'Lt' operators, the value must be an integer"),
        Invalid(selector: "app=web)", message: "unable to parse requirement: found ')', expected: ',' or 'end of string'"),
    ]

    @Test(arguments: invalid)
    func invalidSelectorsAreRefused(_ row: Invalid) {
        let error = #expect(throws: BerthError.self) { try LabelSelector(parsing: row.selector) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == row.message)
    }
}
