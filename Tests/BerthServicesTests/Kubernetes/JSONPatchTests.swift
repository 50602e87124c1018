import BerthModel
import Foundation
import Testing
@testable import BerthServices

/// RFC 6902 as `kubectl patch --type json` uses it: every example of the RFC's appendix A,
/// then the messages a client sees when an operation does not apply.
@Suite("JSON patch (RFC 6902)")
struct JSONPatchTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let section: String
        let document: String
        let patch: String
        /// nil: the RFC says the patch is an error.
        let result: String?
        var testDescription: String { section }
    }

    static let appendixA: [Example] = [
        Example(section: "A.1 adding an object member",
                document: #"{"foo":"bar"}"#,
                patch: #"[{ "op": "add", "path": "/baz", "value": "qux" }]"#,
                result: #"{"baz":"qux","foo":"bar"}"#),
        Example(section: "A.2 adding an array element",
                document: #"{"foo":["bar","baz"]}"#,
                patch: #"[{ "op": "add", "path": "/foo/1", "value": "qux" }]"#,
                result: #"{"foo":["bar","qux","baz"]}"#),
        Example(section: "A.3 removing an object member",
                document: #"{"baz":"qux","foo":"bar"}"#,
                patch: #"[{ "op": "remove", "path": "/baz" }]"#,
                result: #"{"foo":"bar"}"#),
        Example(section: "A.4 removing an array element",
                document: #"{"foo":["bar","qux","baz"]}"#,
                patch: #"[{ "op": "remove", "path": "/foo/1" }]"#,
                result: #"{"foo":["bar","baz"]}"#),
        Example(section: "A.5 replacing a value",
                document: #"{"baz":"qux","foo":"bar"}"#,
                patch: #"[{ "op": "replace", "path": "/baz", "value": "boo" }]"#,
                result: #"{"baz":"boo","foo":"bar"}"#),
        Example(section: "A.6 moving a value",
                document: #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
                patch: #"[{ "op": "move", "from": "/foo/waldo", "path": "/qux/thud" }]"#,
                result: #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
        Example(section: "A.7 moving an array element",
                document: #"{"foo":["all","grass","cows","eat"]}"#,
                patch: #"[{ "op": "move", "from": "/foo/1", "path": "/foo/3" }]"#,
                result: #"{"foo":["all","cows","eat","grass"]}"#),
        Example(section: "A.8 testing a value: success",
                document: #"{"baz":"qux","foo":["a",2,"c"]}"#,
                patch: #"[{ "op": "test", "path": "/baz", "value": "qux" }, { "op": "test", "path": "/foo/1", "value": 2 }]"#,
                result: #"{"baz":"qux","foo":["a",2,"c"]}"#),
        Example(section: "A.9 testing a value: error",
                document: #"{"baz":"qux"}"#,
                patch: #"[{ "op": "test", "path": "/baz", "value": "bar" }]"#,
                result: nil),
        Example(section: "A.10 adding a nested member object",
                document: #"{"foo":"bar"}"#,
                patch: #"[{ "op": "add", "path": "/child", "value": { "grandchild": { } } }]"#,
                result: #"{"foo":"bar","child":{"grandchild":{}}}"#),
        Example(section: "A.11 ignoring unrecognized elements",
                document: #"{"foo":"bar"}"#,
                patch: #"[{ "op": "add", "path": "/baz", "value": "qux", "xyz": 123 }]"#,
                result: #"{"foo":"bar","baz":"qux"}"#),
        Example(section: "A.12 adding to a nonexistent target",
                document: #"{"foo":"bar"}"#,
                patch: #"[{ "op": "add", "path": "/baz/bat", "value": "qux" }]"#,
                result: nil),
        Example(section: "A.14 ~ escape ordering",
                document: #"{"/":9,"~1":10}"#,
                patch: #"[{"op": "test", "path": "/~01", "value": 10}]"#,
                result: #"{"/":9,"~1":10}"#),
        Example(section: "A.15 comparing strings and numbers",
                document: #"{"/":9,"~1":10}"#,
                patch: #"[{"op": "test", "path": "/~01", "value": "10"}]"#,
                result: nil),
        Example(section: "A.16 adding an array value",
                document: #"{"foo":["bar"]}"#,
                patch: #"[{ "op": "add", "path": "/foo/-", "value": ["abc", "def"] }]"#,
                result: #"{"foo":["bar",["abc","def"]]}"#),
    ]

    @Test(arguments: appendixA)
    func rfcAppendixA(_ example: Example) throws {
        let document = try Self.json(example.document)
        let patch = try Self.json(example.patch)
        if let result = example.result {
            #expect(try JSONPatch.apply(patch, to: document) == Self.json(result))
        } else {
            let error = #expect(throws: BerthError.self) { try JSONPatch.apply(patch, to: document) }
            #expect(error?.code == .invalidArgument)
        }
    }

    /// A.13's patch repeats "op". `JSONDecoder` keeps one of the two silently, so the
    /// rejection has to happen while the body is still text: `JSONPatch.decode`.
    @Test func rfcA13InvalidPatchDocumentIsRejected() throws {
        let body = Data(#"[{ "op": "add", "path": "/baz", "value": "qux", "op": "remove" }]"#.utf8)
        let error = #expect(throws: BerthError.self) { try JSONPatch.decode(body) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == #"json patch operation 0 is invalid: an object has the member "op" more than once"#)
    }

    @Test func decodeAcceptsWellFormedPatchesAndNamesTheOperationOfADuplicate() throws {
        let body = #"[{"op":"test","path":"/a","value":{"op":"x","path":"y"}}, {"op":"add","path":"/b","value":"\"op\",\"op\""}]"#
        #expect(try JSONPatch.decode(Data(body.utf8)) == Self.json(body))
        let nested = Data(#"[{"op":"add","path":"/a","value":1}, {"op":"add","path":"/b","value":{"k":1,"k":2}}]"#.utf8)
        #expect(throws: BerthError(.invalidArgument, #"json patch operation 1 is invalid: an object has the member "k" more than once"#)) {
            try JSONPatch.decode(nested)
        }
        let escaped = Data(#"[{"op":"add","\u006fp":"remove","path":"/a","value":1}]"#.utf8)
        #expect(throws: BerthError(.invalidArgument, #"json patch operation 0 is invalid: an object has the member "op" more than once"#)) {
            try JSONPatch.decode(escaped)
        }
        #expect(throws: BerthError(.invalidArgument, "json patch is not valid JSON")) { try JSONPatch.decode(Data("[{".utf8)) }
    }

    static let stream = #"""
    {"apiVersion":"image.openshift.io/v1","kind":"ImageStream",
     "metadata":{"name":"app","namespace":"team","resourceVersion":"7","labels":{"app":"web"}},
     "spec":{"lookupPolicy":{"local":false},
             "tags":[{"name":"latest","from":{"kind":"DockerImage","name":"quay.io/team/app:latest"}},
                     {"name":"1.0","from":{"kind":"DockerImage","name":"quay.io/team/app:1.0"}}]}}
    """#

    @Test func guardedEditOfAnImageStream() throws {
        let patch = try Self.json(#"""
        [{"op":"test","path":"/metadata/resourceVersion","value":"7"},
         {"op":"test","path":"/spec/tags/0/name","value":"latest"},
         {"op":"replace","path":"/spec/tags/0/from/name","value":"quay.io/team/app:2.0"},
         {"op":"add","path":"/spec/tags/-","value":{"name":"2.0","from":{"kind":"ImageStreamTag","name":"app:latest"}}},
         {"op":"copy","from":"/metadata/labels/app","path":"/metadata/labels/component"},
         {"op":"add","path":"/metadata/labels/app.kubernetes.io~1name","value":"app"},
         {"op":"remove","path":"/spec/lookupPolicy"},
         {"op":"add","path":"/metadata/annotations","value":null}]
        """#)
        let patched = try JSONPatch.apply(patch, to: Self.json(Self.stream))
        #expect(patched == (try Self.json(#"""
        {"apiVersion":"image.openshift.io/v1","kind":"ImageStream",
         "metadata":{"name":"app","namespace":"team","resourceVersion":"7","annotations":null,
                     "labels":{"app":"web","component":"web","app.kubernetes.io/name":"app"}},
         "spec":{"tags":[{"name":"latest","from":{"kind":"DockerImage","name":"quay.io/team/app:2.0"}},
                         {"name":"1.0","from":{"kind":"DockerImage","name":"quay.io/team/app:1.0"}},
                         {"name":"2.0","from":{"kind":"ImageStreamTag","name":"app:latest"}}]}}
        """#)))
    }

    @Test func theWholeDocumentCanBeReplacedOrTestedAtTheEmptyPointer() throws {
        let document = try Self.json(#"{"a":1}"#)
        #expect(try JSONPatch.apply(Self.json(#"[{"op":"test","path":"","value":{"a":1}},{"op":"replace","path":"","value":[1]}]"#), to: document)
            == .array([.number(1)]))
        #expect(try JSONPatch.apply(Self.json(#"[{"op":"add","path":"","value":{"b":2}}]"#), to: document) == Self.json(#"{"b":2}"#))
    }

    @Test func anEmptyPatchChangesNothing() throws {
        let document = try Self.json(Self.stream)
        #expect(try JSONPatch.apply(.array([]), to: document) == document)
    }

    @Test func testComparesObjectsWithoutMemberOrderAndNumbersByValue() throws {
        let document = try Self.json(#"{"spec":{"from":{"kind":"DockerImage","name":"x"},"n":1}}"#)
        let patch = try Self.json(#"[{"op":"test","path":"/spec","value":{"n":1.0,"from":{"name":"x","kind":"DockerImage"}}}]"#)
        #expect(try JSONPatch.apply(patch, to: document) == document)
    }

    @Test func moveWithinTheSameArrayAndToTheSamePlace() throws {
        let document = try Self.json(#"{"a":[1,2,3],"b":{"c":1}}"#)
        #expect(try JSONPatch.apply(Self.json(#"[{"op":"move","from":"/a/0","path":"/a/-"}]"#), to: document) == Self.json(#"{"a":[2,3,1],"b":{"c":1}}"#))
        #expect(try JSONPatch.apply(Self.json(#"[{"op":"move","from":"/b","path":"/b"}]"#), to: document) == document)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let name: String
        let patch: String
        let message: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "failed test names its path",
                patch: #"[{"op":"test","path":"/spec/tags/0/name","value":"stable"}]"#,
                message: "json patch test operation failed at /spec/tags/0/name"),
        Failure(name: "test of a missing path fails the same way",
                patch: #"[{"op":"test","path":"/spec/tags/9/name","value":"x"}]"#,
                message: "json patch test operation failed at /spec/tags/9/name"),
        Failure(name: "remove of a missing member",
                patch: #"[{"op":"remove","path":"/spec/foo"}]"#,
                message: #"json patch remove operation does not apply: doc is missing path: "/spec/foo""#),
        Failure(name: "replace of a missing member",
                patch: #"[{"op":"replace","path":"/metadata/annotations","value":{}}]"#,
                message: #"json patch replace operation does not apply: doc is missing path: "/metadata/annotations""#),
        Failure(name: "add under a missing parent",
                patch: #"[{"op":"add","path":"/status/tags/0","value":{}}]"#,
                message: #"json patch add operation does not apply: doc is missing path: "/status/tags/0""#),
        Failure(name: "add into a string",
                patch: #"[{"op":"add","path":"/kind/x","value":1}]"#,
                message: #"json patch add operation does not apply: doc is missing path: "/kind/x""#),
        Failure(name: "add past the end of an array",
                patch: #"[{"op":"add","path":"/spec/tags/3","value":{}}]"#,
                message: "json patch add operation does not apply: index 3 is out of bounds for the array of 2 at /spec/tags"),
        Failure(name: "remove past the end of an array",
                patch: #"[{"op":"remove","path":"/spec/tags/2"}]"#,
                message: #"json patch remove operation does not apply: doc is missing path: "/spec/tags/2""#),
        Failure(name: "dash only appends",
                patch: #"[{"op":"remove","path":"/spec/tags/-"}]"#,
                message: #"json patch remove operation does not apply: doc is missing path: "/spec/tags/-""#),
        Failure(name: "leading zeros are not an index",
                patch: #"[{"op":"replace","path":"/spec/tags/01","value":{}}]"#,
                message: #"json patch replace operation does not apply: doc is missing path: "/spec/tags/01""#),
        Failure(name: "array index must be a number",
                patch: #"[{"op":"add","path":"/spec/tags/first","value":{}}]"#,
                message: #"json patch add operation does not apply: "first" is not an array index in path /spec/tags/first"#),
        Failure(name: "move from a missing path",
                patch: #"[{"op":"move","from":"/spec/nothing","path":"/spec/x"}]"#,
                message: #"json patch move operation does not apply: doc is missing path: "/spec/nothing""#),
        Failure(name: "copy from a missing path",
                patch: #"[{"op":"copy","from":"/spec/nothing","path":"/spec/x"}]"#,
                message: #"json patch copy operation does not apply: doc is missing path: "/spec/nothing""#),
        Failure(name: "move into its own child",
                patch: #"[{"op":"move","from":"/spec","path":"/spec/inner"}]"#,
                message: #"json patch move operation does not apply: "from" /spec is an ancestor of "path" /spec/inner"#),
        Failure(name: "the root cannot be removed",
                patch: #"[{"op":"remove","path":""}]"#,
                message: "json patch remove operation does not apply: the whole document cannot be removed"),
        Failure(name: "not an array",
                patch: #"{"op":"add","path":"/a","value":1}"#,
                message: "json patch must be a JSON array of operations, not an object"),
        Failure(name: "operation not an object",
                patch: #"["add"]"#,
                message: "json patch operation 0 must be a JSON object, not a string"),
        Failure(name: "missing op",
                patch: #"[{"path":"/a","value":1}]"#,
                message: #"json patch operation 0 is missing "op""#),
        Failure(name: "unknown op",
                patch: #"[{"op":"test","path":"/kind","value":"ImageStream"},{"op":"merge","path":"/a"}]"#,
                message: #"json patch operation 1 has an unknown op "merge" (expected add, remove, replace, move, copy or test)"#),
        Failure(name: "missing path",
                patch: #"[{"op":"remove"}]"#,
                message: #"json patch remove operation (operation 0) is missing "path""#),
        Failure(name: "missing value",
                patch: #"[{"op":"replace","path":"/kind"}]"#,
                message: #"json patch replace operation (operation 0) is missing "value""#),
        Failure(name: "missing from",
                patch: #"[{"op":"copy","path":"/kind"}]"#,
                message: #"json patch copy operation (operation 0) is missing "from""#),
        Failure(name: "pointer without leading slash",
                patch: #"[{"op":"add","path":"spec/x","value":1}]"#,
                message: #"json patch add operation (operation 0) has an invalid "path" "spec/x": a JSON pointer is empty or starts with "/", and escapes only ~0 and ~1"#),
        Failure(name: "bad tilde escape",
                patch: #"[{"op":"remove","path":"/metadata/~2"}]"#,
                message: #"json patch remove operation (operation 0) has an invalid "path" "/metadata/~2": a JSON pointer is empty or starts with "/", and escapes only ~0 and ~1"#),
    ]

    @Test(arguments: failures)
    func refusedPatchesSayWhatFailed(_ failure: Failure) throws {
        let document = try Self.json(Self.stream)
        let error = #expect(throws: BerthError.self) { try JSONPatch.apply(Self.json(failure.patch), to: document) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == failure.message)
    }

    @Test func aLaterFailureDiscardsEarlierOperations() throws {
        let document = try Self.json(Self.stream)
        var kept = document
        #expect(throws: BerthError.self) {
            kept = try JSONPatch.apply(Self.json(#"[{"op":"remove","path":"/spec/tags/0"},{"op":"test","path":"/kind","value":"Image"}]"#), to: document)
        }
        #expect(kept == document)
    }

    @Test func failuresCarryThePointerAsTheField() throws {
        let error = #expect(throws: BerthError.self) {
            try JSONPatch.apply(Self.json(#"[{"op":"remove","path":"/spec/foo"}]"#), to: Self.json(Self.stream))
        }
        #expect(error?.field == "/spec/foo")
    }
}
