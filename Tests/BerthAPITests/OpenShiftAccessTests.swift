import BerthModel
import Foundation
import Testing

/// Namespace-limited tokens and watch bookmarks, in process.
@Suite struct OpenShiftAccessTests {
    static let streams = "/apis/image.openshift.io/v1"

    static func stream(_ name: String) -> String {
        #"{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"\#(name)"}}"#
    }

    @Test func aTokenLimitedToNamespacesReachesOnlyThose() async throws {
        let server = try await TestServer.make()
        let limited = try await server.server.tokens.create(name: "team-a", role: .admin, namespaces: ["team-a"])
        try await server.withClient { client in
            let created = try await client.send(.post, "\(Self.streams)/namespaces/team-a/imagestreams", json: Self.stream("app"), token: limited)
            #expect(created.status == .created, "\(created.text)")
            #expect(try await client.send(.get, "\(Self.streams)/namespaces/team-a/imagestreams/app", token: limited).status == .ok)
            // The admin made one in team-b; the limited token sees neither it nor any cross-namespace list.
            #expect(try await client.send(.post, "\(Self.streams)/namespaces/team-b/imagestreams", json: Self.stream("other")).status == .created)
            for path in ["\(Self.streams)/namespaces/team-b/imagestreams", "\(Self.streams)/namespaces/team-b/imagestreams/other",
                         "\(Self.streams)/imagestreams", "\(Self.streams)/images", "/v1/images", "/api/v1/namespaces/team-b/secrets"] {
                let reply = try await client.send(.get, path, token: limited)
                #expect(reply.status == .forbidden, "\(path): \(reply.status)")
                if path.hasPrefix("/api") {
                    #expect(reply.json?["kind"]?.stringValue == "Status", "\(path)")
                    #expect(reply.json?["reason"]?.stringValue == "Forbidden", "\(path)")
                    #expect(reply.json?["message"]?.stringValue?.contains("team-a") == true, "\(path): the message names the namespaces the token may use")
                }
            }
            let write = try await client.send(.post, "\(Self.streams)/namespaces/team-b/imagestreams", json: Self.stream("sneaky"), token: limited)
            #expect(write.status == .forbidden)
            #expect(try await client.send(.get, "\(Self.streams)/namespaces/team-b/imagestreams/sneaky").status == .notFound, "a refused write stores nothing")
            // Nor any Cycle hub.
            let cycle = try await client.send(.get, "/v1/images/sources", token: limited, headers: [CycleClient.hubHeader: CycleClient.hexID(1)])
            #expect(cycle.status == .forbidden)
            #expect(cycle.json?["error"]?["code"]?.stringValue == "403.wrong-hub", "\(cycle.text)")
            // Discovery stays open, or kubectl could not start.
            #expect(try await client.send(.get, Self.streams, token: limited).status == .ok)
            #expect(try await client.send(.get, "/apis", token: limited).status == .ok)
        }
        let listed = try await server.server.tokens.list().first { $0.name == "team-a" }
        #expect(listed?.namespaces == ["team-a"])
        await #expect(throws: BerthError.self) {
            _ = try await server.server.tokens.create(name: "bad", role: .admin, namespaces: ["Team_A"])
        }
    }

    @Test func watchesSendBookmarksAndMarkTheEndOfInitialEvents() async throws {
        let server = try await TestServer.make()
        try await server.withClient { client in
            let path = "\(Self.streams)/namespaces/marks/imagestreams"
            #expect(try await client.send(.post, path, json: Self.stream("one")).status == .created)
            let version = try #require(try await client.send(.get, path).json?["metadata"]?["resourceVersion"]?.stringValue)

            // A plain watch with bookmarks: the current state, then a bookmark before the timeout.
            let plain = try await client.send(.get, "\(path)?watch=true&allowWatchBookmarks=true&timeoutSeconds=2")
            let plainEvents = plain.text.split(separator: "\n").compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            #expect(plainEvents.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "BOOKMARK"], "\(plain.text)")
            let bookmark = try #require(plainEvents.last?["object"])
            #expect(bookmark["kind"]?.stringValue == "ImageStream")
            #expect(bookmark["apiVersion"]?.stringValue == "image.openshift.io/v1")
            #expect(bookmark["metadata"]?["resourceVersion"]?.stringValue == version)

            // The watch-list protocol: initial events, then a bookmark annotated as their end.
            let list = try await client.send(.get, "\(path)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1")
            let listEvents = list.text.split(separator: "\n").compactMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            #expect(listEvents.first?["type"]?.stringValue == "ADDED")
            #expect(listEvents.first?["object"]?["metadata"]?["name"]?.stringValue == "one")
            #expect(listEvents.count >= 2 && listEvents[1]["type"]?.stringValue == "BOOKMARK", "\(list.text)")
            #expect(listEvents.count >= 2 && listEvents[1]["object"]?["metadata"]?["annotations"]?["k8s.io/initial-events-end"]?.stringValue == "true")

            // sendInitialEvents=false starts from now: nothing old is replayed.
            let fresh = try await client.send(.get, "\(path)?watch=true&sendInitialEvents=false&resourceVersionMatch=NotOlderThan&timeoutSeconds=1")
            #expect(fresh.status == .ok)
            #expect(!fresh.text.contains("ADDED"), "\(fresh.text)")
            // Without bookmarks the initial state comes with no end marker.
            let unmarked = try await client.send(.get, "\(path)?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1")
            #expect(unmarked.text.contains("ADDED") && !unmarked.text.contains("BOOKMARK"), "\(unmarked.text)")

            // apimachinery's validation: either sendInitialEvents needs NotOlderThan, and
            // resourceVersionMatch on a watch needs sendInitialEvents.
            for bad in ["sendInitialEvents=true&allowWatchBookmarks=true", "sendInitialEvents=false",
                        "resourceVersionMatch=NotOlderThan&resourceVersion=\(version)"] {
                let reply = try await client.send(.get, "\(path)?watch=true&\(bad)&timeoutSeconds=1")
                #expect(reply.status.code == 422, "\(bad): \(reply.status)")
                #expect(reply.json?["reason"]?.stringValue == "Invalid", "\(bad)")
            }
            #expect(try await client.send(.get, "\(path)?sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true").status.code == 422,
                    "sendInitialEvents is for watches only")
        }
    }
}
