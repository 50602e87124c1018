import BerthModel
import BerthStore
import Crypto
import Foundation
import Testing
@testable import BerthServices

/// The ImageStream rules of openshift-apiserver's strategy, through the resource a client
/// reaches: generations, tag resolution, history, optimistic concurrency, dry runs.
@Suite("ImageStream strategy")
struct ImageStreamStrategyTests {
    struct World {
        let store: SQLiteObjectStore
        let service: ImageStreamService
        var streams: any ResourceEndpoint { service.imageGroup.first { $0.descriptor.name == "imagestreams" }! }
        var tags: any ResourceEndpoint { service.imageGroup.first { $0.descriptor.name == "imagestreamtags" }! }
        var imports: any ResourceEndpoint { service.imageGroup.first { $0.descriptor.name == "imagestreamimports" }! }
        let admin = ResourceCaller(principal: Principal(name: "admin", role: .admin))
        let analyst = ResourceCaller(principal: Principal(name: "auditor", role: .analyst))
    }

    static func world(_ configuration: ImageStreamConfiguration = ImageStreamConfiguration()) throws -> World {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-is-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteObjectStore(path: directory.appendingPathComponent("berth.sqlite").path)
        let box = SecretBox(key: SymmetricKey(size: .bits256))
        let policy = EndpointPolicy(allowLoopback: true)
        let images = ImageService(store: store, integrations: ImageIntegrationService(store: store, secrets: box, policy: policy), policy: policy,
                                  configuration: ImageServiceConfiguration(), jobs: JobQueue(store: store))
        return World(store: store, service: ImageStreamService(store: store, images: images, box: box, configuration: configuration))
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func stream(_ name: String, tags: String) throws -> JSONValue {
        try json(#"{"metadata":{"name":"\#(name)"},"spec":{"tags":\#(tags)}}"#)
    }

    func expectStatus(_ code: Int, _ reason: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(code) \(reason)")
        } catch let error as KubeStatusError {
            #expect(error.code == code && error.reason == reason, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func createSetsGenerationsSortsTagsAndComputesTheRepository() async throws {
        let world = try Self.world(ImageStreamConfiguration(internalRegistryHost: "registry.local:5000"))
        let created = try await world.streams.create(namespace: "ns", body: try Self.stream("web", tags: #"""
            [{"name":"b","from":{"kind":"DockerImage","name":"quay.io/x/web:b"}},
             {"name":"a","from":{"kind":"DockerImage","name":"quay.io/x/web:a"},"generation":7}]
            """#), dryRun: false, caller: world.admin)
        #expect(created["metadata"]?["generation"] == 1)
        #expect(created["spec"]?["tags"]?.arrayValue?.map { $0["name"]?.stringValue ?? "" } == ["a", "b"])
        #expect(created["spec"]?["tags"]?.arrayValue?.allSatisfy { $0["generation"] == 1 } == true)
        #expect(created["spec"]?["tags"]?.arrayValue?.first?["referencePolicy"]?["type"] == "Source")
        #expect(created["status"]?["dockerImageRepository"] == "registry.local:5000/ns/web")
        #expect(created["metadata"]?["uid"]?.stringValue?.count == 36)
        #expect(created["kind"] == "ImageStream" && created["apiVersion"] == "image.openshift.io/v1")
    }

    @Test func updatesBumpGenerationsOnlyForChangedTags() async throws {
        let world = try Self.world()
        var current = try await world.streams.create(namespace: "ns", body: try Self.stream("web", tags: #"""
            [{"name":"a","from":{"kind":"DockerImage","name":"quay.io/x/web:a"}},
             {"name":"b","from":{"kind":"DockerImage","name":"quay.io/x/web:b"}}]
            """#), dryRun: false, caller: world.admin)
        func update(_ change: (inout [String: JSONValue]) -> Void) async throws -> JSONValue {
            guard case .object(var object) = current, case .object(var spec) = object["spec"], case .array(var tags) = spec["tags"],
                  case .object(var b) = tags[1] else { fatalError() }
            var tag = b
            change(&tag)
            b = tag
            tags[1] = .object(b)
            spec["tags"] = .array(tags)
            object["spec"] = .object(spec)
            current = try await world.streams.update(namespace: "ns", name: "web", body: .object(object), dryRun: false, caller: world.admin).object
            return current
        }
        // Only the import policy: the stream's generation moves, the tag's does not.
        var next = try await update { $0["importPolicy"] = ["scheduled": true] }
        #expect(next["metadata"]?["generation"] == 2)
        #expect(next["spec"]?["tags"]?.arrayValue?.map { $0["generation"] ?? .null } == [1, 1])
        // A new source: that tag takes the new generation.
        next = try await update { $0["from"] = ["kind": "DockerImage", "name": "quay.io/x/web:c"] }
        #expect(next["metadata"]?["generation"] == 3)
        #expect(next["spec"]?["tags"]?.arrayValue?.map { $0["generation"] ?? .null } == [1, 3])
        // Generation 0 asks for a re-import; a client-sent number is ignored.
        next = try await update { $0["generation"] = 0 }
        #expect(next["spec"]?["tags"]?.arrayValue?.map { $0["generation"] ?? .null } == [1, 4])
        next = try await update { $0["generation"] = 99 }
        #expect(next["spec"]?["tags"]?.arrayValue?.map { $0["generation"] ?? .null } == [1, 4])
        #expect(next["metadata"]?["generation"] == 4, "an unchanged spec keeps the generation")
    }

    @Test func staleAndUnconditionalUpdatesAreRefused() async throws {
        let world = try Self.world()
        let created = try await world.streams.create(namespace: "ns", body: try Self.stream("web", tags: "[]"), dryRun: false, caller: world.admin)
        _ = try await world.streams.patch(namespace: "ns", name: "web", patch: ["metadata": ["labels": ["a": "b"]]], type: .merge, dryRun: false, caller: world.admin)
        await expectStatus(409, "Conflict") { _ = try await world.streams.update(namespace: "ns", name: "web", body: created, dryRun: false, caller: world.admin) }
        guard case .object(var object) = created, case .object(var metadata) = object["metadata"] else { return }
        metadata["resourceVersion"] = nil
        object["metadata"] = .object(metadata)
        await expectStatus(422, "Invalid") { _ = try await world.streams.update(namespace: "ns", name: "web", body: .object(object), dryRun: false, caller: world.admin) }
        await expectStatus(409, "AlreadyExists") { _ = try await world.streams.create(namespace: "ns", body: try Self.stream("web", tags: "[]"), dryRun: false, caller: world.admin) }
        await expectStatus(422, "Invalid") { _ = try await world.streams.create(namespace: "ns", body: try Self.stream("Bad_Name", tags: "[]"), dryRun: false, caller: world.admin) }
        await expectStatus(422, "Invalid") {
            _ = try await world.streams.create(namespace: "ns", body: try Self.stream("t", tags: #"[{"name":"x","from":{"kind":"Pod","name":"y"}}]"#), dryRun: false, caller: world.admin)
        }
    }

    @Test func dryRunStoresNothing() async throws {
        let world = try Self.world()
        let before = try await world.store.currentVersion()
        let shown = try await world.streams.create(namespace: "ns", body: try Self.stream("web", tags: "[]"), dryRun: true, caller: world.admin)
        #expect(shown["metadata"]?["name"] == "web")
        #expect(try await world.store.currentVersion() == before)
        await expectStatus(404, "NotFound") { _ = try await world.streams.get(namespace: "ns", name: "web", caller: world.admin) }
    }

    @Test func inClusterTagsResolveAndTrackTheirSource() async throws {
        let world = try Self.world()
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        _ = try await world.streams.create(namespace: "ns", body: try Self.stream("base", tags: #"[{"name":"v1","from":{"kind":"DockerImage","name":"quay.io/x/base@\#(digest)"},"reference":true}]"#),
                                           dryRun: false, caller: world.admin)
        let other = try await world.streams.create(namespace: "ns", body: try Self.stream("app", tags: #"""
            [{"name":"prod","from":{"kind":"ImageStreamTag","name":"base:v1"}},
             {"name":"copy","from":{"kind":"ImageStreamTag","name":"prod"}}]
            """#), dryRun: false, caller: world.admin)
        let heads = (other["status"]?["tags"]?.arrayValue ?? []).map { "\($0["tag"]?.stringValue ?? "")=\($0["items"]?.arrayValue?.first?["dockerImageReference"]?.stringValue ?? "")" }
        #expect(heads == ["copy=quay.io/x/base@\(digest)", "prod=quay.io/x/base@\(digest)"])
        await expectStatus(422, "Invalid") {
            _ = try await world.streams.create(namespace: "ns", body: try Self.stream("missing", tags: #"[{"name":"a","from":{"kind":"ImageStreamTag","name":"nowhere:v1"}}]"#), dryRun: false, caller: world.admin)
        }
    }

    @Test func tagHistoryGrowsNewestFirstAndCollapsesRepeats() {
        var stream = ImageStream()
        #expect(TagHistory.add(TagEvent(created: "t1", dockerImageReference: "r@a", image: "a", generation: 1), tag: "v", to: &stream))
        #expect(!TagHistory.add(TagEvent(created: "t2", dockerImageReference: "r@a", image: "a", generation: 1), tag: "v", to: &stream))
        #expect(TagHistory.add(TagEvent(created: "t3", dockerImageReference: "r@a", image: "a", generation: 2), tag: "v", to: &stream))
        #expect(stream.status.tags?.first?.items?.count == 1)
        #expect(TagHistory.add(TagEvent(created: "t4", dockerImageReference: "r@b", image: "b", generation: 3), tag: "v", to: &stream))
        #expect(stream.status.tags?.first?.items?.map(\.image) == ["b", "a"])
    }

    @Test func imageStreamTagNamesAndMissingTagsAnswerAsUpstream() async throws {
        let world = try Self.world()
        await expectStatus(400, "BadRequest") { _ = try await world.tags.get(namespace: "ns", name: "nocolon", caller: world.admin) }
        await expectStatus(400, "BadRequest") { _ = try await world.tags.get(namespace: "ns", name: "a@b", caller: world.admin) }
        await expectStatus(404, "NotFound") { _ = try await world.tags.get(namespace: "ns", name: "a:b", caller: world.admin) }
    }

    @Test func importsValidateAndReportRegistryFailuresPerImage() async throws {
        let world = try Self.world()
        await expectStatus(422, "Invalid") {
            _ = try await world.imports.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"x"},"spec":{"import":true}}"#), dryRun: false, caller: world.admin)
        }
        await expectStatus(422, "Invalid") {
            _ = try await world.imports.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"x"},"spec":{"images":[{"from":{"kind":"ImageStreamTag","name":"a:b"}}]}}"#), dryRun: false, caller: world.admin)
        }
        // Port 9 on loopback refuses connections: the request succeeds, the image fails.
        let result = try await world.imports.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"x"},"spec":{"import":false,"images":[{"from":{"kind":"DockerImage","name":"127.0.0.1:9/none/app:v1"}}]}}"#),
                                                    dryRun: false, caller: world.admin)
        let status = result["status"]?["images"]?.arrayValue?.first?["status"]
        #expect(status?["status"] == "Failure" && status?["reason"] == "InternalError", "\(String(describing: status))")
        await expectStatus(404, "NotFound") { _ = try await world.streams.get(namespace: "ns", name: "x", caller: world.admin) }
        // With import, the failure becomes a condition on a spec tag of a new stream.
        _ = try await world.imports.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"x"},"spec":{"import":true,"images":[{"from":{"kind":"DockerImage","name":"127.0.0.1:9/none/app:v1"}}]}}"#),
                                           dryRun: false, caller: world.admin)
        let stream = try await world.streams.get(namespace: "ns", name: "x", caller: world.admin)
        #expect(stream["status"]?["tags"]?.arrayValue?.first?["conditions"]?.arrayValue?.first?["reason"] == "InternalError")
        #expect(stream["spec"]?["tags"]?.arrayValue?.first?["from"]?["name"] == "127.0.0.1:9/none/app:v1")
        #expect(stream["metadata"]?["annotations"]?["openshift.io/image.dockerRepositoryCheck"] != nil)
    }

    @Test func secretsAreSealedAtRestAndMaskedForNonAdmins() async throws {
        let world = try Self.world()
        let password = "s3cret-\(UUID().uuidString)"
        let config = Data(#"{"auths":{"127.0.0.1:5001":{"username":"u","password":"\#(password)"}}}"#.utf8).base64EncodedString()
        _ = try await world.service.secrets.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"pull"},"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"\#(config)"}}"#),
                                                   dryRun: false, caller: world.admin)
        #expect(try await world.service.secrets.get(namespace: "ns", name: "pull", caller: world.admin)["data"]?[".dockerconfigjson"] == .string(config))
        #expect(try await world.service.secrets.get(namespace: "ns", name: "pull", caller: world.analyst)["data"]?[".dockerconfigjson"] == "")
        for object in try await world.store.listAll(kind: "k8s:core:secrets") {
            #expect(object.body.range(of: Data(config.utf8)) == nil)
        }
        await expectStatus(422, "Invalid") {
            _ = try await world.service.secrets.create(namespace: "ns", body: try Self.json(#"{"metadata":{"name":"bad"},"type":"kubernetes.io/dockerconfigjson","data":{}}"#), dryRun: false, caller: world.admin)
        }
    }

    @Test func pullSpecsParseAsLibraryGoDoes() {
        #expect((try? PullSpec.parse("nginx"))?.name == "nginx")
        #expect((try? PullSpec.parse("127.0.0.1:5000/a/b:v1"))?.tag == "v1")
        #expect(PullSpec.problem("Nginx") == "repository name must be lowercase")
        #expect(PullSpec.problem("") == "repository name must have at least one component")
        #expect(PullSpec.problem("a@sha256:abc") != nil)
        #expect((try? PullSpec.parse("quay.io/a/b:v1"))?.pinned(to: "sha256:x") == "quay.io/a/b@sha256:x")
    }

    @Test func repositoryImportsPreferLatestThenVersions() {
        #expect(TagPriority.sorted(["a", "1.0.1", "latest", "v2.1", "1.2", "2.0.0", "b"]) == ["latest", "v2.1", "1.2", "2.0.0", "1.0.1", "a", "b"])
    }
}

@Suite("ImageTag")
struct ImageTagTests {
    @Test func specIsRequiredOnCreateAndANullSpecRemovesOnlyTheSpecTag() async throws {
        let world = try ImageStreamStrategyTests.world()
        let itags = world.service.imageGroup.first { $0.descriptor.name == "imagetags" }!
        do {
            _ = try await itags.create(namespace: "ns", body: try ImageStreamStrategyTests.json(#"{"metadata":{"name":"web:v1"}}"#), dryRun: false, caller: world.admin)
            Issue.record("a create without spec must fail")
        } catch let error as KubeStatusError {
            #expect(error.code == 422 && error.message.contains("spec is a required field during creation"), "\(error)")
        }
        let created = try await itags.create(namespace: "ns", body: try ImageStreamStrategyTests.json(
            #"{"metadata":{"name":"web:v1"},"spec":{"from":{"kind":"DockerImage","name":"quay.io/x/web:v1"},"reference":true}}"#), dryRun: false, caller: world.admin)
        #expect(created["spec"]?["name"] == "v1", "spec.name defaults to the tag")
        #expect(created["status"]?["items"]?.arrayValue?.first?["dockerImageReference"] == "quay.io/x/web:v1")
        #expect(created["metadata"]?["uid"] != nil, "the view carries the stream's metadata")

        guard case .object(var object) = created else { return }
        object["spec"] = .null
        object["image"] = nil
        let updated = try await itags.update(namespace: "ns", name: "web:v1", body: .object(object), dryRun: false, caller: world.admin).object
        #expect(updated["spec"] == .null)
        #expect(updated["status"]?["items"]?.arrayValue?.count == 1, "the history stays")

        let listed = try await itags.list(namespace: "ns", options: ListOptions(), caller: world.admin)
        #expect(listed.items.compactMap { $0["metadata"]?["name"]?.stringValue } == ["web:v1"])
        _ = try await itags.delete(namespace: "ns", name: "web:v1", options: DeleteOptions(), caller: world.admin)
        do {
            _ = try await itags.get(namespace: "ns", name: "web:v1", caller: world.admin)
            Issue.record("deleted")
        } catch let error as KubeStatusError {
            #expect(error.code == 404)
        }
    }
}
