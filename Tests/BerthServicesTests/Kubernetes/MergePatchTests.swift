import BerthModel
import Foundation
import Testing
@testable import BerthServices

/// RFC 7386 as `kubectl patch --type merge` uses it: section 3's example and every row of
/// appendix A.
@Suite("JSON merge patch (RFC 7386)")
struct MergePatchTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let original: String
        let patch: String
        let result: String
        var testDescription: String { "\(original) + \(patch)" }
    }

    static let appendixA: [Example] = [
        Example(original: #"{"a":"b"}"#, patch: #"{"a":"c"}"#, result: #"{"a":"c"}"#),
        Example(original: #"{"a":"b"}"#, patch: #"{"b":"c"}"#, result: #"{"a":"b","b":"c"}"#),
        Example(original: #"{"a":"b"}"#, patch: #"{"a":null}"#, result: #"{}"#),
        Example(original: #"{"a":"b","b":"c"}"#, patch: #"{"a":null}"#, result: #"{"b":"c"}"#),
        Example(original: #"{"a":["b"]}"#, patch: #"{"a":"c"}"#, result: #"{"a":"c"}"#),
        Example(original: #"{"a":"c"}"#, patch: #"{"a":["b"]}"#, result: #"{"a":["b"]}"#),
        Example(original: #"{"a":{"b":"c"}}"#, patch: #"{"a":{"b":"d","c":null}}"#, result: #"{"a":{"b":"d"}}"#),
        Example(original: #"{"a":[{"b":"c"}]}"#, patch: #"{"a":[1]}"#, result: #"{"a":[1]}"#),
        Example(original: #"["a","b"]"#, patch: #"["c","d"]"#, result: #"["c","d"]"#),
        Example(original: #"{"a":"b"}"#, patch: #"["c"]"#, result: #"["c"]"#),
        Example(original: #"{"a":"foo"}"#, patch: #"null"#, result: #"null"#),
        Example(original: #"{"a":"foo"}"#, patch: #""bar""#, result: #""bar""#),
        Example(original: #"{"e":null}"#, patch: #"{"a":1}"#, result: #"{"e":null,"a":1}"#),
        Example(original: #"[1,2]"#, patch: #"{"a":"b","c":null}"#, result: #"{"a":"b"}"#),
        Example(original: #"{}"#, patch: #"{"a":{"bb":{"ccc":null}}}"#, result: #"{"a":{"bb":{}}}"#),
    ]

    @Test(arguments: appendixA)
    func rfcAppendixA(_ example: Example) throws {
        #expect(try MergePatch.apply(Self.json(example.patch), to: Self.json(example.original)) == Self.json(example.result))
    }

    @Test func rfcSection3Example() throws {
        let original = try Self.json(#"""
        {"title": "Goodbye!",
         "author": {"givenName": "John", "familyName": "Doe"},
         "tags": ["example", "sample"],
         "content": "This will be unchanged"}
        """#)
        let patch = try Self.json(#"""
        {"title": "Hello!",
         "phoneNumber": "+01-123-456-7890",
         "author": {"familyName": null},
         "tags": ["example"]}
        """#)
        #expect(MergePatch.apply(patch, to: original) == (try Self.json(#"""
        {"title": "Hello!",
         "author": {"givenName": "John"},
         "tags": ["example"],
         "content": "This will be unchanged",
         "phoneNumber": "+01-123-456-7890"}
        """#)))
    }

    /// What `kubectl patch is/app --type merge` does to an ImageStream: the tag list is one
    /// value, so naming one tag drops the others.
    @Test func anImageStreamTagListIsReplacedWhole() throws {
        let stream = try Self.json(#"""
        {"metadata":{"name":"app","labels":{"app":"web","tier":"backend"}},
         "spec":{"lookupPolicy":{"local":false},"tags":[{"name":"latest"},{"name":"1.0"}]}}
        """#)
        let patch = try Self.json(#"{"metadata":{"labels":{"tier":null,"team":"core"}},"spec":{"lookupPolicy":{"local":true},"tags":[{"name":"2.0"}]}}"#)
        #expect(MergePatch.apply(patch, to: stream) == (try Self.json(#"""
        {"metadata":{"name":"app","labels":{"app":"web","team":"core"}},
         "spec":{"lookupPolicy":{"local":true},"tags":[{"name":"2.0"}]}}
        """#)))
    }

    @Test func anEmptyPatchChangesNothing() throws {
        let document = try Self.json(#"{"a":{"b":[1,2]},"c":null}"#)
        #expect(MergePatch.apply(.object([:]), to: document) == document)
    }
}
