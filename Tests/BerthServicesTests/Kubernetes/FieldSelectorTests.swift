import BerthModel
import Foundation
import Testing
@testable import BerthServices

/// `kubectl get is --field-selector …` and the `metadata.name=` selector a single-object
/// watch sends.
@Suite("Field selector")
struct FieldSelectorTests {
    static let supported: Set<String> = ["metadata.name", "metadata.namespace", "spec.tag", "status.note"]

    struct Match: Sendable, CustomTestStringConvertible {
        let selector: String
        let fields: [String: String]
        let matches: Bool
        var testDescription: String { "'\(selector)' → \(matches)" }
    }

    static let app: [String: String] = ["metadata.name": "app", "metadata.namespace": "team", "spec.tag": "a,b=c\\d"]

    static let table: [Match] = [
        Match(selector: "metadata.name=app", fields: app, matches: true),
        Match(selector: "metadata.name==app", fields: app, matches: true),
        Match(selector: "metadata.name=other", fields: app, matches: false),
        Match(selector: "metadata.name!=other", fields: app, matches: true),
        Match(selector: "metadata.name!=app", fields: app, matches: false),
        Match(selector: "metadata.name=app,metadata.namespace=team", fields: app, matches: true),
        Match(selector: "metadata.name=app,metadata.namespace!=team", fields: app, matches: false),
        Match(selector: #"spec.tag=a\,b\=c\\d"#, fields: app, matches: true),
        Match(selector: #"spec.tag!=a\,b"#, fields: app, matches: true),
        // A field the object does not fill in is the empty string.
        Match(selector: "status.note=", fields: app, matches: true),
        Match(selector: "status.note!=x", fields: app, matches: true),
        Match(selector: "status.note=x", fields: app, matches: false),
        Match(selector: "metadata.name=", fields: app, matches: false),
        // Empty terms are skipped; the empty selector selects everything.
        Match(selector: "", fields: app, matches: true),
        Match(selector: ",metadata.name=app,,", fields: app, matches: true),
    ]

    @Test(arguments: table)
    func parsesAndMatches(_ row: Match) throws {
        #expect(try FieldSelector(parsing: row.selector, supportedFields: Self.supported).matches(row.fields) == row.matches)
    }

    @Test func escapesAreUndoneInValues() throws {
        let selector = try FieldSelector(parsing: #"spec.tag=a\,b\=c\\d,metadata.name!=x\=y"#, supportedFields: Self.supported)
        #expect(selector.requirements == [
            FieldRequirement(field: "metadata.name", operator: .notEquals, value: "x=y"),
            FieldRequirement(field: "spec.tag", operator: .equals, value: #"a,b=c\d"#),
        ])
        // and redone when printed, so the text parses back to the same selector
        #expect(selector.description == #"metadata.name!=x\=y,spec.tag=a\,b\=c\\d"#)
        #expect(try FieldSelector(parsing: selector.description, supportedFields: Self.supported) == selector)
        #expect(try FieldSelector(parsing: "metadata.name==a,metadata.namespace=b", supportedFields: Self.supported)
            == FieldSelector(parsing: "metadata.namespace=b,metadata.name=a", supportedFields: Self.supported))
    }

    @Test func exactValueNarrowsToOneName() throws {
        let selector = try FieldSelector(parsing: "metadata.namespace!=kube-system,metadata.name==app,metadata.namespace=team", supportedFields: Self.supported)
        #expect(selector.exactValue(for: "metadata.name") == "app")
        #expect(selector.exactValue(for: "metadata.namespace") == "team")
        #expect(selector.exactValue(for: "spec.tag") == nil)
        #expect(try FieldSelector(parsing: "metadata.name!=app", supportedFields: Self.supported).exactValue(for: "metadata.name") == nil)
        #expect(try FieldSelector(parsing: #"metadata.name=a\,b"#, supportedFields: Self.supported).exactValue(for: "metadata.name") == "a,b")
        let empty = try FieldSelector(parsing: "", supportedFields: [])
        #expect(empty.isEmpty)
        #expect(empty.exactValue(for: "metadata.name") == nil)
        #expect(!selector.isEmpty)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let selector: String
        let message: String
        var testDescription: String { "'\(selector)'" }
    }

    static let invalid: [Invalid] = [
        Invalid(selector: "spec.other=x", message: "field label not supported: spec.other"),
        Invalid(selector: "metadata.name=app,metadata.labels=x", message: "field label not supported: metadata.labels"),
        Invalid(selector: "=app", message: "field label not supported: "),
        Invalid(selector: "metadata.name", message: "invalid selector: 'metadata.name'; can't understand 'metadata.name'"),
        Invalid(selector: "metadata.name=app,spec.tag", message: "invalid selector: 'metadata.name=app,spec.tag'; can't understand 'spec.tag'"),
        Invalid(selector: "metadata.name=a=b", message: "invalid field selector: unescaped character in value: ="),
        Invalid(selector: #"metadata.name=a\x"#, message: #"invalid field selector: invalid escape sequence: \x"#),
        Invalid(selector: #"metadata.name=a\"#, message: #"invalid field selector: invalid escape sequence: \"#),
    ]

    @Test(arguments: invalid)
    func invalidSelectorsAreRefused(_ row: Invalid) {
        let error = #expect(throws: BerthError.self) { try FieldSelector(parsing: row.selector, supportedFields: Self.supported) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == row.message)
    }

    /// What the single-object watch route builds from a path name.
    @Test func theNameSelectorOfASingleObjectWatch() throws {
        let selector = try FieldSelector(parsing: "metadata.name=app", supportedFields: ["metadata.name"])
        #expect(selector.matches(["metadata.name": "app", "metadata.namespace": "team"]))
        #expect(!selector.matches(["metadata.name": "app2"]))
    }
}
