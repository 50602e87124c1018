import BerthModel
import Foundation
import Testing
@testable import BerthServices

/// Strategic merge patch as `kubectl patch is/app` (the default type), `kubectl edit` and
/// client-side `kubectl apply` send it to an ImageStream or Image.
@Suite("Strategic merge patch")
struct StrategicMergePatchTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The merge keys ImageStreamService declares.
    static let streams = StrategicMergePatch(mergeKeys: ["spec.tags": "name", "status.tags": "tag"])
    /// The merge keys the Image endpoint declares, and its raw-extension metadata.
    static let images = StrategicMergePatch(mergeKeys: ["signatures": "name", "signatures[].conditions": "type"],
                                            replaceFields: ["dockerImageMetadata"])

    static let stream = #"""
    {"apiVersion":"image.openshift.io/v1","kind":"ImageStream",
     "metadata":{"name":"app","namespace":"team","resourceVersion":"7",
                 "labels":{"app":"web"},"annotations":{"openshift.io/display-name":"App"},
                 "finalizers":["team.example.com/audit","team.example.com/backup"],
                 "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-1"}]},
     "spec":{"lookupPolicy":{"local":false},
             "tags":[{"name":"latest","annotations":{"description":"newest build","owner":"ops"},
                      "from":{"kind":"DockerImage","name":"quay.io/team/app:latest"},
                      "importPolicy":{"scheduled":true,"importMode":"Legacy"},"referencePolicy":{"type":"Source"}},
                     {"name":"1.0","from":{"kind":"DockerImage","name":"quay.io/team/app:1.0"},"referencePolicy":{"type":"Source"}},
                     {"name":"stable","from":{"kind":"ImageStreamTag","name":"app:1.0"},"referencePolicy":{"type":"Local"}}]},
     "status":{"dockerImageRepository":"registry.local/team/app",
               "tags":[{"tag":"latest","items":[{"image":"sha256:bbb","generation":2},{"image":"sha256:aaa","generation":1}]},
                       {"tag":"1.0","items":[{"image":"sha256:aaa","generation":1}]}]}}
    """#

    static func apply(_ patch: String, to document: String = stream, with engine: StrategicMergePatch = streams) throws -> JSONValue {
        try engine.apply(json(patch), to: json(document))
    }

    static func tags(_ document: JSONValue) -> [JSONValue] {
        document["spec"]?["tags"]?.arrayValue ?? []
    }

    static func tagNames(_ document: JSONValue) -> [String] {
        tags(document).compactMap { $0["name"]?.stringValue }
    }

    static func tag(_ name: String, in document: JSONValue) -> JSONValue? {
        tags(document).first { $0["name"]?.stringValue == name }
    }

    // MARK: - Merge by key

    @Test func addingATagKeepsTheOthers() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"2.0","from":{"kind":"DockerImage","name":"quay.io/team/app:2.0"}}]}}"#)
        #expect(Self.tagNames(patched) == ["latest", "1.0", "stable", "2.0"])
        let original = try Self.json(Self.stream)
        for name in ["latest", "1.0", "stable"] {
            #expect(Self.tag(name, in: patched) == Self.tag(name, in: original))
        }
        #expect(Self.tag("2.0", in: patched) == (try Self.json(#"{"name":"2.0","from":{"kind":"DockerImage","name":"quay.io/team/app:2.0"}}"#)))
        // Everything outside the list is untouched.
        #expect(patched["metadata"] == original["metadata"])
        #expect(patched["status"] == original["status"])
    }

    @Test func changingOneTagsFromMergesByName() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"1.0","from":{"name":"quay.io/team/app:1.0.1"}}]}}"#)
        #expect(Self.tagNames(patched) == ["latest", "1.0", "stable"])
        #expect(Self.tag("1.0", in: patched) == (try Self.json(
            #"{"name":"1.0","from":{"kind":"DockerImage","name":"quay.io/team/app:1.0.1"},"referencePolicy":{"type":"Source"}}"#)))
        #expect(Self.tag("latest", in: patched) == Self.tag("latest", in: try Self.json(Self.stream)))
    }

    @Test func patchOrderDoesNotReorderTheDocument() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"new"},{"name":"stable","referencePolicy":{"type":"Source"}},{"name":"latest","generation":3}]}}"#)
        #expect(Self.tagNames(patched) == ["latest", "1.0", "stable", "new"])
        #expect(Self.tag("stable", in: patched)?["referencePolicy"]?["type"] == "Source")
        #expect(Self.tag("latest", in: patched)?["generation"] == 3)
    }

    @Test func nestedAnnotationsOfATagAreMergedAsAMap() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"latest","annotations":{"owner":null,"team":"core","description":"nightly"}}]}}"#)
        #expect(Self.tag("latest", in: patched)?["annotations"] == (try Self.json(#"{"description":"nightly","team":"core"}"#)))
        #expect(Self.tag("latest", in: patched)?["from"]?["name"] == "quay.io/team/app:latest")
    }

    @Test func statusTagsMergeByTheirOwnKey() throws {
        let patched = try Self.apply(#"{"status":{"tags":[{"tag":"1.0","items":[{"image":"sha256:ccc","generation":3}]},{"tag":"stable","items":[]}]}}"#)
        let tags = patched["status"]?["tags"]?.arrayValue ?? []
        #expect(tags.compactMap { $0["tag"]?.stringValue } == ["latest", "1.0", "stable"])
        // `items` has no merge key: the patch's list replaces it.
        #expect(tags[1]["items"] == (try Self.json(#"[{"image":"sha256:ccc","generation":3}]"#)))
        #expect(tags[0]["items"]?.arrayValue?.count == 2)
    }

    @Test func aListWithoutAMergeKeyIsReplacedWhole() throws {
        // Without the stream's declarations, spec.tags is a plain list: merge-patch semantics.
        let plain = StrategicMergePatch(mergeKeys: [:])
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"2.0"}]}}"#, with: plain)
        #expect(Self.tags(patched) == [try Self.json(#"{"name":"2.0"}"#)])
        // And a list inside a keyed element is replaced too.
        let items = try Self.apply(#"{"status":{"tags":[{"tag":"latest","items":[{"image":"sha256:ccc"}]}]}}"#)
        #expect(items["status"]?["tags"]?.arrayValue?.first?["items"] == (try Self.json(#"[{"image":"sha256:ccc"}]"#)))
    }

    @Test func ownerReferencesMergeByUIDForEveryKind() throws {
        let patched = try Self.apply(#"{"metadata":{"ownerReferences":[{"uid":"u-1","controller":true},{"apiVersion":"v1","kind":"Secret","name":"s","uid":"u-2"}]}}"#,
                                     with: StrategicMergePatch(mergeKeys: [:]))
        #expect(patched["metadata"]?["ownerReferences"] == (try Self.json(#"""
        [{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-1","controller":true},
         {"apiVersion":"v1","kind":"Secret","name":"s","uid":"u-2"}]
        """#)))
    }

    @Test func aKeyedElementWithoutItsKeyIsRefused() throws {
        let error = #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"tags":[{"from":{"name":"x"}}]}}"#) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message == #"map: {"from":{"name":"x"}} does not contain declared merge key: name (in spec.tags)"#)
    }

    @Test func nullsInANewElementAreDroppedNotStored() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"2.0","annotations":null,"from":{"kind":"DockerImage","name":"x","namespace":null}}]}}"#)
        #expect(Self.tag("2.0", in: patched) == (try Self.json(#"{"name":"2.0","from":{"kind":"DockerImage","name":"x"}}"#)))
    }

    // MARK: - Directives

    @Test func patchDeleteRemovesOneTag() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"$patch":"delete","name":"1.0"}]}}"#)
        #expect(Self.tagNames(patched) == ["latest", "stable"])
        #expect(Self.tag("latest", in: patched) == Self.tag("latest", in: try Self.json(Self.stream)))
    }

    @Test func patchDeleteAndChangesInOneList() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"stable","from":{"name":"app:latest"}},{"$patch":"delete","name":"latest"},{"$patch":"delete","name":"gone"}]}}"#)
        #expect(Self.tagNames(patched) == ["1.0", "stable"])
        #expect(Self.tag("stable", in: patched)?["from"] == (try Self.json(#"{"kind":"ImageStreamTag","name":"app:latest"}"#)))
    }

    @Test func patchReplaceInAListKeepsOnlyThePatchElements() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"only","from":{"kind":"DockerImage","name":"x"}},{"$patch":"replace"}]}}"#)
        #expect(Self.tags(patched) == [try Self.json(#"{"name":"only","from":{"kind":"DockerImage","name":"x"}}"#)])
    }

    @Test func patchReplaceInAMapReplacesTheMap() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"latest","importPolicy":{"$patch":"replace","insecure":true}}]},"metadata":{"labels":{"$patch":"replace","team":"core"}}}"#)
        #expect(Self.tag("latest", in: patched)?["importPolicy"] == (try Self.json(#"{"insecure":true}"#)))
        #expect(patched["metadata"]?["labels"] == (try Self.json(#"{"team":"core"}"#)))
        #expect(patched["metadata"]?["annotations"] == (try Self.json(#"{"openshift.io/display-name":"App"}"#)))
    }

    @Test func patchDeleteAsAMapValueDeletesTheMap() throws {
        let patched = try Self.apply(#"{"spec":{"lookupPolicy":{"$patch":"delete"},"tags":[{"name":"latest","importPolicy":{"$patch":"delete"}}]},"metadata":{"nothing":{"$patch":"delete"}}}"#)
        #expect(patched["spec"]?["lookupPolicy"] == nil)
        #expect(Self.tag("latest", in: patched)?["importPolicy"] == nil)
        #expect(Self.tag("latest", in: patched)?["referencePolicy"] != nil)
        #expect(patched["metadata"]?["nothing"] == nil)
    }

    @Test func nullDeletesAKeyAsInAMergePatch() throws {
        let patched = try Self.apply(#"{"metadata":{"annotations":null,"labels":{"app":null,"tier":"web"}},"status":null}"#)
        #expect(patched["metadata"]?["annotations"] == nil)
        #expect(patched["metadata"]?["labels"] == (try Self.json(#"{"tier":"web"}"#)))
        #expect(patched["status"] == nil)
    }

    @Test func setElementOrderReordersTheMergedTags() throws {
        let patched = try Self.apply(#"{"spec":{"$setElementOrder/tags":[{"name":"stable"},{"name":"2.0"},{"name":"latest"}],"tags":[{"name":"2.0"}]}}"#)
        // Named elements in the given order; "1.0", not named, keeps its place after them.
        #expect(Self.tagNames(patched) == ["stable", "2.0", "latest", "1.0"])
        #expect(Self.tag("latest", in: patched) == Self.tag("latest", in: try Self.json(Self.stream)))
    }

    @Test func setElementOrderAloneOnlyReorders() throws {
        let patched = try Self.apply(#"{"spec":{"$setElementOrder/tags":[{"name":"1.0"},{"name":"latest"},{"name":"stable"}]}}"#)
        #expect(Self.tagNames(patched) == ["1.0", "latest", "stable"])
        #expect(Set(Self.tags(patched)) == Set(Self.tags(try Self.json(Self.stream))))
    }

    @Test func setElementOrderOfAPrimitiveList() throws {
        let patched = try Self.apply(#"{"metadata":{"$setElementOrder/finalizers":["team.example.com/backup","team.example.com/audit"]}}"#)
        #expect(patched["metadata"]?["finalizers"] == ["team.example.com/backup", "team.example.com/audit"])
    }

    @Test func retainKeysClearsEverythingNotListed() throws {
        let patched = try Self.apply(#"{"spec":{"tags":[{"name":"latest","importPolicy":{"$retainKeys":["insecure","importMode"],"insecure":true}}]}}"#)
        #expect(Self.tag("latest", in: patched)?["importPolicy"] == (try Self.json(#"{"importMode":"Legacy","insecure":true}"#)))
        let lookup = try Self.apply(#"{"spec":{"$retainKeys":["tags"]}}"#)
        #expect(lookup["spec"]?["lookupPolicy"] == nil)
        #expect(Self.tagNames(lookup) == ["latest", "1.0", "stable"])
    }

    @Test func retainKeysRefusesAFieldItWouldClear() throws {
        let error = #expect(throws: BerthError.self) {
            try Self.apply(#"{"spec":{"lookupPolicy":{"$retainKeys":["local"],"other":1}}}"#)
        }
        #expect(error?.message == "invalid patch format of retainKeys: spec.lookupPolicy.other is set by the patch but not listed in $retainKeys")
        #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"$retainKeys":"tags"}}"#) }
    }

    @Test func deleteFromPrimitiveListRemovesFinalizers() throws {
        let patched = try Self.apply(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["team.example.com/audit","not.there/x"]}}"#)
        #expect(patched["metadata"]?["finalizers"] == ["team.example.com/backup"])
    }

    @Test func finalizersMergeAsASet() throws {
        let patched = try Self.apply(#"{"metadata":{"finalizers":["team.example.com/backup","team.example.com/scan"]}}"#)
        #expect(patched["metadata"]?["finalizers"] == ["team.example.com/audit", "team.example.com/backup", "team.example.com/scan"])
        let both = try Self.apply(#"{"metadata":{"finalizers":["team.example.com/scan"],"$deleteFromPrimitiveList/finalizers":["team.example.com/backup"]}}"#)
        #expect(both["metadata"]?["finalizers"] == ["team.example.com/audit", "team.example.com/scan"])
        let replaced = try Self.apply(#"{"metadata":{"finalizers":["only/one",{"$patch":"replace"}]}}"#)
        #expect(replaced["metadata"]?["finalizers"] == ["only/one"])
    }

    @Test func badPatchDirectivesAreRejected() throws {
        let inList = #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"tags":[{"$patch":"remove","name":"1.0"}]}}"#) }
        #expect(inList?.code == .invalidArgument)
        #expect(inList?.message == #"unknown patch type: "remove" in map: {"$patch":"remove","name":"1.0"} at spec.tags; $patch must be "replace" or "delete""#)

        let inMap = #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"lookupPolicy":{"$patch":"merge"}}}"#) }
        #expect(inMap?.code == .invalidArgument)
        #expect(inMap?.message == #"unknown patch type: "merge" in map: {"$patch":"merge"} at spec.lookupPolicy; $patch must be "replace" or "delete""#)

        #expect(throws: BerthError.self) { try Self.apply(#"{"$patch":7}"#) }
        #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"tags":[{"$patch":"delete"}]}}"#) } // no merge key
        #expect(throws: BerthError.self) { try Self.apply(#"{"metadata":{"labels":[{"$patch":"delete","name":"x"}]}}"#) } // no merge key declared
        #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"$setElementOrder/tags":{"name":"x"}}}"#) }
        #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"$setElementOrder":[]}}"#) }
        #expect(throws: BerthError.self) { try Self.apply(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":"x"}}"#) }
        #expect(throws: BerthError.self) { try Self.apply(#"{"spec":{"tags":["latest"]}}"#) } // a keyed list of objects
        #expect(throws: BerthError.self) { try Self.apply(#"["not","an","object"]"#) }
    }

    @Test func theWholeDocumentCanBeReplacedOrDeleted() throws {
        #expect(try Self.apply(#"{"$patch":"replace","kind":"ImageStream"}"#) == ["kind": "ImageStream"])
        #expect(try Self.apply(#"{"$patch":"delete"}"#) == .object([:]))
    }

    // MARK: - Image

    static let image = #"""
    {"kind":"Image","metadata":{"name":"sha256:aaa"},
     "dockerImageMetadata":{"kind":"DockerImage","Config":{"Env":["A=1"],"Labels":{"x":"y"}},"Architecture":"amd64"},
     "signatures":[{"name":"sha256:aaa@sig1","type":"atomic","conditions":[{"type":"Trusted","status":"False"},{"type":"ForImage","status":"True"}]}]}
    """#

    @Test func imageSignatureConditionsMergeByTypeInsideASignature() throws {
        let patched = try Self.apply(#"{"signatures":[{"name":"sha256:aaa@sig1","conditions":[{"type":"Trusted","status":"True","reason":"Verified"}]},{"name":"sha256:aaa@sig2","type":"atomic"}]}"#,
                                     to: Self.image, with: Self.images)
        #expect(patched["signatures"] == (try Self.json(#"""
        [{"name":"sha256:aaa@sig1","type":"atomic",
          "conditions":[{"type":"Trusted","status":"True","reason":"Verified"},{"type":"ForImage","status":"True"}]},
         {"name":"sha256:aaa@sig2","type":"atomic"}]
        """#)))
    }

    @Test func replaceFieldsReplaceInsteadOfMerging() throws {
        let patched = try Self.apply(#"{"dockerImageMetadata":{"kind":"DockerImage","Config":{"Env":["B=2"]}}}"#, to: Self.image, with: Self.images)
        #expect(patched["dockerImageMetadata"] == (try Self.json(#"{"kind":"DockerImage","Config":{"Env":["B=2"]}}"#)))
        // The same patch without the declaration merges.
        let merged = try Self.apply(#"{"dockerImageMetadata":{"Config":{"Env":["B=2"]}}}"#, to: Self.image, with: StrategicMergePatch(mergeKeys: [:]))
        #expect(merged["dockerImageMetadata"] == (try Self.json(#"{"kind":"DockerImage","Config":{"Env":["B=2"],"Labels":{"x":"y"}},"Architecture":"amd64"}"#)))
    }

    @Test func aTypeChangeReplacesTheValue() throws {
        let patched = try Self.apply(#"{"spec":{"lookupPolicy":"none","tags":{"name":"odd"}}}"#)
        #expect(patched["spec"]?["lookupPolicy"] == "none")
        #expect(patched["spec"]?["tags"] == ["name": "odd"])
    }
}
