import BerthModel
import BerthServer
import BerthServices
import Synchronization
import Foundation
import HTTPTypes
import Testing

/// The Cycle image-source API in process: shapes, validation, hubs, capabilities, ACLs,
/// queries, includes and delete jobs.
@Suite struct CycleImageSourceTests {
    static let hub = CycleClient.hexID(0xA1)
    static let otherHub = CycleClient.hexID(0xB2)
    static let hubSource = #"{"type":"direct","name":"My Container","origin":{"type":"docker-hub","details":{"target":"mysql:5.7","username":"u","token":"hub-token-SECRET-1"}}}"#

    @Test func aSourceHasCycleShapeAndLivesInItsHub() async throws {
        let server = try await TestServer.make()
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let created = try await cycle.send(.post, "/v1/images/sources", json: Self.hubSource)
            #expect(created.status == .created, "\(created.text)")
            let data = try #require(created.json?["data"])
            let id = try #require(data["id"]?.stringValue)
            #expect(id.count == 24 && id.allSatisfy(\.isHexDigit))
            #expect(data["identifier"]?.stringValue == "my-container")
            #expect(data["name"]?.stringValue == "My Container")
            #expect(data["type"]?.stringValue == "direct")
            #expect(data["hub_id"]?.stringValue == Self.hub)
            #expect(data["about"]?["description"] == .null)
            #expect(data["builder"] == .null)
            #expect(data["acl"] == .null)
            #expect(data["origin"]?["details"]?["target"]?.stringValue == "mysql:5.7")
            #expect(data["origin"]?["details"]?["username"]?.stringValue == "u")
            #expect(data["origin"]?["details"]?["token"] == nil, "credentials are never returned")
            #expect(data["state"]?["current"]?.stringValue == "live")
            #expect(data["state"]?["desired"] == nil)
            #expect(data["events"]?["updated"]?.stringValue == "0001-01-01T00:00:00Z")
            #expect(data["events"]?["deleted"]?.stringValue == "0001-01-01T00:00:00Z")
            #expect(data["events"]?["created"]?.stringValue?.hasSuffix("Z") == true)
            #expect(data["creator"]?["type"]?.stringValue == "api-key")
            #expect(created.json?["meta"] == nil, "meta lives inside resources, not at the root")

            let fetched = try await cycle.send(.get, "/v1/images/sources/\(id)")
            #expect(fetched.status == .ok)
            #expect(fetched.json?["data"] == data)
            let listed = try await cycle.send(.get, "/v1/images/sources")
            #expect(listed.json?["data"]?.arrayValue?.map { $0["id"]?.stringValue } == [id])

            // Another hub does not see it, and nothing answers without a hub.
            let elsewhere = try await cycle.send(.get, "/v1/images/sources/\(id)", hub: Self.otherHub)
            #expect(elsewhere.status == .notFound)
            #expect(elsewhere.json?["error"]?["code"]?.stringValue == "404.image.source")
            #expect(elsewhere.json?["data"] == .null)
            #expect(try await cycle.send(.get, "/v1/images/sources", hub: Self.otherHub).json?["data"]?.arrayValue?.isEmpty == true)
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(id)", json: #"{"name":"x"}"#, hub: Self.otherHub).status == .notFound)
            #expect(try await cycle.send(.delete, "/v1/images/sources/\(id)", hub: Self.otherHub).status == .notFound)
            var noHub = try await api.send(.get, "/v1/images/sources")
            #expect(noHub.status == .notFound)
            #expect(noHub.json?["error"]?["code"]?.stringValue == "404.hub")
            noHub = try await api.send(.get, "/v1/images/sources", noAuth: true, headers: [CycleClient.hubHeader: Self.hub])
            #expect(noHub.status == .unauthorized)
            #expect(noHub.json?["error"]?["code"]?.stringValue == "401.auth-invalid", "\(noHub.text)")

            // PATCH changes what it names, keeps the rest, stamps updated.
            let patched = try await cycle.send(.patch, "/v1/images/sources/\(id)", json: #"{"name":"Renamed Source","identifier":null,"about":{"description":"db images"}}"#)
            #expect(patched.status == .ok, "\(patched.text)")
            #expect(patched.json?["data"]?["identifier"]?.stringValue == "renamed-source")
            #expect(patched.json?["data"]?["about"]?["description"]?.stringValue == "db images")
            #expect(patched.json?["data"]?["origin"] == data["origin"])
            #expect(patched.json?["data"]?["events"]?["updated"]?.stringValue != "0001-01-01T00:00:00Z")
            #expect(try await cycle.send(.get, "/v1/images/sources?page%5Bnumber%5D=9223372036854775807").status == .ok, "huge page numbers are cut, not overflowed")
            let unknown = try await cycle.send(.get, "/v1/images/sources/\(CycleClient.hexID(7))")
            #expect(unknown.json?["error"]?["code"]?.stringValue == "404.image.source")
        }
    }

    /// Each required field left out in turn, and each rule broken, names the field.
    @Test func validationPointsAtTheField() async throws {
        let server = try await TestServer.make()
        let cases: [(String, Int, String, String)] = [
            (#"{"origin":{"type":"none"}}"#, 422, "422.missing-argument", "/type"),
            (#"{"type":"direct"}"#, 422, "422.missing-argument", "/origin"),
            (#"{"type":"nope","origin":{"type":"none"}}"#, 422, "422.invalid-argument", "/type"),
            (#"{"type":"direct","origin":{}}"#, 422, "422.missing-argument", "/origin/type"),
            (#"{"type":"direct","origin":{"type":"ftp"}}"#, 422, "422.invalid-argument", "/origin/type"),
            (#"{"type":"direct","origin":{"type":"cycle-source","details":{"source_id":"000000000000000000000001"}}}"#, 422, "422.invalid-argument", "/origin/type"),
            (#"{"type":"direct","origin":{"type":"docker-hub"}}"#, 422, "422.missing-argument", "/origin/details"),
            (#"{"type":"direct","origin":{"type":"docker-hub","details":{}}}"#, 422, "422.missing-argument", "/origin/details/target"),
            (#"{"type":"direct","origin":{"type":"docker-hub","details":{"target":"UPPER CASE!"}}}"#, 422, "422.invalid-argument", "/origin/details/target"),
            (#"{"type":"direct","origin":{"type":"docker-hub","details":{"target":"a","auth":{}}}}"#, 422, "422.invalid-input", "/origin/details/auth"),
            (#"{"type":"direct","origin":{"type":"docker-hub","details":{"target":"evil.example.com/x:1","token":"t"}}}"#, 422, "422.invalid-argument", "/origin/details/target"),
            (#"{"type":"direct","origin":{"type":"docker-registry","details":{"target":"org/app:1"}}}"#, 422, "422.missing-argument", "/origin/details/url"),
            (#"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"r.example.com"}}}"#, 422, "422.missing-argument", "/origin/details/target"),
            (#"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"not a url/x","target":"a"}}}"#, 422, "422.invalid-argument", "/origin/details/url"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"url":"r.example.com"}}}"#, 422, "422.missing-argument", "/origin/details/target"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a"}}}"#, 422, "422.missing-argument", "/origin/details/url"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"details":{}}}}}"#, 422, "422.missing-argument", "/origin/details/auth/type"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"type":"user"}}}}"#, 422, "422.missing-argument", "/origin/details/auth/details"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"type":"webhook","details":{}}}}}"#, 422, "422.missing-argument", "/origin/details/auth/details/url"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"type":"provider","details":{"credentials":{}}}}}}"#, 422, "422.missing-argument", "/origin/details/auth/details/flavor"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"type":"provider","details":{"flavor":"ecr"}}}}}"#, 422, "422.missing-argument", "/origin/details/auth/details/credentials"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{}}}"#, 422, "422.missing-argument", "/origin/details/repo"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{}}}}"#, 422, "422.missing-argument", "/origin/details/repo/url"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","auth":{"type":"http","credentials":{"username":"u"}}}}}}"#, 422, "422.missing-argument", "/origin/details/repo/auth/credentials/password"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","auth":{"type":"ssh","credentials":{"username":"git"}}}}}}"#, 422, "422.missing-argument", "/origin/details/repo/auth/credentials/private_key"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","ref":{"type":"tag"}}}}}"#, 422, "422.missing-argument", "/origin/details/repo/ref/value"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","ref":{"type":"branch","value":"x"}}}}}"#, 422, "422.invalid-argument", "/origin/details/repo/ref/type"),
            (#"{"type":"direct","origin":{"type":"cycle-upload","details":{"token":"t"}}}"#, 422, "422.missing-argument", "/origin/details/expires"),
            (#"{"type":"direct","origin":{"type":"cycle-upload","details":{"expires":"2030-01-01T00:00:00Z"}}}"#, 422, "422.missing-argument", "/origin/details/token"),
            (#"{"type":"direct","origin":{"type":"cycle-upload","details":{"expires":"tomorrow","token":"t"}}}"#, 422, "422.invalid-argument", "/origin/details/expires"),
            (#"{"type":"direct","origin":{"type":"none"},"colour":"red"}"#, 422, "422.invalid-input", "/colour"),
            (#"{"type":"direct","origin":{"type":"none"},"a/b~c":1}"#, 422, "422.invalid-input", "/a~1b~0c"),
            ("null", 422, "422.missing-argument", ""),
            ("[1]", 422, "422.invalid-argument", ""),
            (#"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"https://u:p@r.example.com","target":"a"}}}"#, 422, "422.invalid-argument", "/origin/details/url"),
            (#"{"type":"direct","origin":{"type":"oci-registry","details":{"target":"a","url":"r.io","auth":{"type":"webhook","details":{"url":"https://me@creds.example.com/x"}}}}}"#, 422, "422.invalid-argument", "/origin/details/auth/details/url"),
            (#"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git"},"credentials":[{"url":"r.io"},{"url":"https://u:t@r.io"}]}}}"#, 422, "422.invalid-argument", "/origin/details/credentials/1/url"),
            (#"{"type":"direct","origin":{"type":"none"},"identifier":"Not A Slug"}"#, 422, "422.invalid-argument", "/identifier"),
            (#"{"type":"direct","origin":{"type":"none"},"acl":{"roles":{}}}"#, 422, "422.invalid-argument", "/acl/roles"),
            (#"{"type":"direct","origin":{"type":"none"},"acl":{"roles":{"r":{"view":true}}}}"#, 422, "422.missing-argument", "/acl/roles/r/modify"),
            (#"{"type":"direct","origin":{"type":"none"},"about":{}}"#, 422, "422.missing-argument", "/about/description"),
            (#"{"type":"direct","origin":{"type":"none"},"builder":{}}"#, 422, "422.missing-argument", "/builder/integration_id"),
        ]
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            for (body, status, code, source) in cases {
                let reply = try await cycle.send(.post, "/v1/images/sources", json: body)
                #expect(Int(reply.status.code) == status, "\(body): \(reply.text)")
                #expect(reply.json?["error"]?["code"]?.stringValue == code, "\(body): \(reply.text)")
                #expect(reply.json?["error"]?["source"]?.stringValue == source, "\(body): \(reply.text)")
                #expect(reply.json?["error"]?["status"]?.doubleValue == Double(status))
                #expect((reply.json?["error"]?["detail"]?.stringValue ?? "").isEmpty == false)
                #expect(reply.json?["data"] == .null)
            }
            #expect(try await cycle.send(.get, "/v1/images/sources").json?["data"]?.arrayValue?.isEmpty == true, "no failed create stored anything")

            // Every origin type that is valid is stored.
            for origin in [#"{"type":"none"}"#, #"{"type":"docker-registry","details":{"url":"https://r.example.com","target":"org/app:1","username":"u","password":"p"}}"#,
                           #"{"type":"oci-registry","details":{"url":"r.example.com","target":"org/app:1","auth":{"type":"webhook","details":{"url":"https://creds.example.com/x"}}}}"#,
                           #"{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","auth":{"type":"ssh","credentials":{"username":"git","passphrase":"","private_key":"-----BEGIN EC PRIVATE KEY-----\nxyz\n-----END EC PRIVATE KEY-----"}},"ref":{"type":"hash","value":"abc"}},"credentials":[{"url":"r.io","username":"u","token":"t"}]}}"#,
                           #"{"type":"cycle-upload","details":{"expires":"2030-01-01T00:00:00Z","token":"upload-token"}}"#] {
                let reply = try await cycle.send(.post, "/v1/images/sources", json: #"{"type":"direct","origin":\#(origin)}"#)
                #expect(reply.status == .created, "\(origin): \(reply.text)")
            }

            let id = try await cycle.create(Self.hubSource)
            for (body, source) in [(#"{"type":"bucket"}"#, "/type"), (#"{"acl":null}"#, "/acl"), (#"{"origin":{"type":"docker-hub","details":{}}}"#, "/origin/details/target")] {
                let reply = try await cycle.send(.patch, "/v1/images/sources/\(id)", json: body)
                #expect(reply.status.code == 422, "\(body)")
                #expect(reply.json?["error"]?["source"]?.stringValue == source, "\(body): \(reply.text)")
            }
            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)").json?["data"]?["type"]?.stringValue == "direct", "a failed update changes nothing")
            let wrongType = try await cycle.send(.post, "/v1/images/sources", json: Self.hubSource, contentType: "text/plain")
            #expect(wrongType.status.code == 415)
            #expect(wrongType.json?["error"]?["code"]?.stringValue == "415.invalid-content-type")
            let badJSON = try await cycle.send(.post, "/v1/images/sources", json: "{nope", contentType: "application/json")
            #expect(badJSON.status.code == 400)
            #expect(badJSON.json?["error"]?["code"]?.stringValue == "400.invalid-syntax")
            let badSort = try await cycle.send(.get, "/v1/images/sources?sort=colour")
            #expect(badSort.json?["error"]?["code"]?.stringValue == "422.invalid-argument")
            let badFilter = try await cycle.send(.get, "/v1/images/sources?filter%5Bcolour%5D=red")
            #expect(badFilter.json?["error"]?["code"]?.stringValue == "422.invalid-argument", "\(badFilter.text)")
        }
    }

    @Test func credentialsNeverLeaveSealed() async throws {
        let server = try await TestServer.make()
        let secrets = ["hub-token-SECRET-1", "reg-password-SECRET-2", "reg-token-SECRET-3", "api-key-SECRET-4", "aws-secret-SECRET-5", "ssh-key-SECRET-6",
                       "passphrase-SECRET-7", "ecr-config-SECRET-8"]
        let collected = Mutex<[String]>([])
        try await server.withClient { api in
            func keep(_ text: String) { collected.withLock { $0.append(text) } }
            let cycle = CycleClient(api: api, hub: Self.hub)
            for body in [Self.hubSource,
                         #"{"type":"direct","origin":{"type":"docker-registry","details":{"url":"r.example.com","target":"org/app:1","username":"u","password":"reg-password-SECRET-2","token":"reg-token-SECRET-3"}}}"#,
                         #"{"type":"direct","origin":{"type":"oci-registry","details":{"url":"r.example.com","target":"org/app:1","auth":{"type":"provider","details":{"flavor":"ecr","credentials":{"region":"eu-west-1","api_key":"api-key-SECRET-4","secret":"aws-secret-SECRET-5","config":"ecr-config-SECRET-8"}}}}}}"#,
                         #"{"type":"direct","origin":{"type":"docker-file","details":{"repo":{"url":"https://g.example/a.git","auth":{"type":"ssh","credentials":{"username":"git","passphrase":"passphrase-SECRET-7","private_key":"-----BEGIN KEY-----ssh-key-SECRET-6"}}}}}}"#] {
                let reply = try await cycle.send(.post, "/v1/images/sources", json: body)
                #expect(reply.status == .created, "\(reply.text)")
                keep(reply.text)
                let id = try #require(reply.json?["data"]?["id"]?.stringValue)
                keep(try await cycle.send(.get, "/v1/images/sources/\(id)?include=creators,integrations&meta=images_count").text)
                // An update that leaves the credentials out keeps them (checked by the peer import test) and shows none.
                keep(try await cycle.send(.patch, "/v1/images/sources/\(id)", json: #"{"name":"renamed"}"#).text)
                // The image shell copies the origin; the delete job names the source.
                keep(try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(id)"}"#).text)
                let delete = try await cycle.send(.delete, "/v1/images/sources/\(id)")
                keep(delete.text)
                let job = try #require(delete.json?["data"]?["job"]?["id"]?.stringValue)
                keep(try await cycle.send(.get, "/v1/jobs/\(job)").text)
            }
            keep(try await cycle.send(.get, "/v1/images/sources?include=creators").text)
        }
        let texts = collected.withLock { $0 }
        for secret in secrets {
            for text in texts { #expect(!text.contains(secret), "\(secret) appeared in a response") }
            #expect(try !server.storeContains(secret), "\(secret) is in the database")
        }
    }

    /// Every route, called by a token that holds every capability but the one it needs.
    @Test func eachMissingCapabilityIsA403NamingIt() async throws {
        let server = try await TestServer.make()
        var made: [HubCapability: String] = [:]
        for missing in HubCapability.allCases {
            let granted = HubCapability.allCases.filter { $0 != missing }
            made[missing] = try await server.server.tokens.create(name: "without-\(missing.rawValue)", role: .ci, hubs: [HubGrant(hub: Self.hub, capabilities: granted)])
        }
        let tokens = made
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let source = try await cycle.create(#"{"type":"direct","origin":{"type":"none"}}"#)
            let image = try #require(try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(source)"}"#).json?["data"]?["id"]?.stringValue)
            let job = try #require(try await cycle.send(.post, "/v1/images/\(image)/tasks", json: #"{"action":"import"}"#).json?["data"]?["job"]?["id"]?.stringValue)
            let calls: [(HTTPRequest.Method, String, String?, HubCapability)] = [
                (.get, "/v1/images/sources", nil, .imagesSourcesView),
                (.get, "/v1/images/sources/\(source)", nil, .imagesSourcesView),
                (.get, "/v1/images/sources/\(source)?include=integrations", nil, .hubsIntegrationsView),
                (.post, "/v1/images/sources", #"{"type":"direct","origin":{"type":"none"}}"#, .imagesSourcesManage),
                (.patch, "/v1/images/sources/\(source)", #"{"name":"x"}"#, .imagesSourcesManage),
                (.patch, "/v1/images/sources/\(source)/access", #"{"acl":null}"#, .imagesSourcesManage),
                (.post, "/v1/images", #"{"source_id":"\#(source)"}"#, .imagesManage),
                (.post, "/v1/images/\(image)/tasks", #"{"action":"import"}"#, .imagesManage),
                (.get, "/v1/jobs/\(job)", nil, .imagesView),
                (.delete, "/v1/images/sources/\(source)", nil, .imagesSourcesManage),
            ]
            for (method, path, body, capability) in calls {
                let refused = try await cycle.send(method, path, json: body, token: tokens[capability])
                #expect(refused.status == .forbidden, "\(method) \(path)")
                #expect(refused.json?["error"]?["code"]?.stringValue == "403.permissions", "\(method) \(path)")
                #expect(refused.json?["error"]?["extra"]?["capability"]?.stringValue == capability.rawValue, "\(method) \(path): \(refused.text)")
                // A token missing some other capability gets through this route.
                // (include=integrations needs images-sources-view for the source as well.)
                let needed: Set<HubCapability> = capability == .hubsIntegrationsView ? [capability, .imagesSourcesView] : [capability]
                let other = HubCapability.allCases.first { !needed.contains($0) }!
                let allowed = try await cycle.send(method, path, json: body, token: tokens[other])
                #expect((200..<300).contains(allowed.status.code), "\(method) \(path) with \(other): \(allowed.text)")
            }
            // A source's delete job is followed with images-sources-view, not images-view.
            let doomed = try await cycle.create(#"{"type":"direct","origin":{"type":"none"}}"#)
            let deleteJob = try #require(try await cycle.send(.delete, "/v1/images/sources/\(doomed)").json?["data"]?["job"]?["id"]?.stringValue)
            #expect(try await cycle.send(.get, "/v1/jobs/\(deleteJob)", token: tokens[.imagesView]).status == .ok)
            let noSourcesView = try await cycle.send(.get, "/v1/jobs/\(deleteJob)", token: tokens[.imagesSourcesView])
            #expect(noSourcesView.json?["error"]?["extra"]?["capability"]?.stringValue == "images-sources-view", "\(noSourcesView.text)")
            // Hub ids in grants are Cycle object ids.
            await #expect(throws: BerthError.self) {
                _ = try await server.server.tokens.create(name: "bad-hub", role: .ci, hubs: [HubGrant(hub: "my-hub", capabilities: [.imagesView])])
            }
            // A hub-scoped token has nothing in other hubs.
            let wrongHub = try await cycle.send(.get, "/v1/images/sources", token: tokens[.imagesManage], hub: Self.otherHub)
            #expect(wrongHub.json?["error"]?["code"]?.stringValue == "403.wrong-hub")
            // Unscoped tokens carry their role: an analyst views, and may not manage.
            #expect(try await cycle.send(.get, "/v1/images/sources", token: server.analystToken).status == .ok)
            let analyst = try await cycle.send(.post, "/v1/images/sources", json: #"{"type":"direct","origin":{"type":"none"}}"#, token: server.analystToken)
            #expect(analyst.json?["error"]?["extra"]?["capability"]?.stringValue == "images-sources-manage")
        }
    }

    @Test func aclsNarrowWhatARoleMayDo() async throws {
        let server = try await TestServer.make()
        let all = HubCapability.allCases
        let viewer = try await server.server.tokens.create(name: "viewer", role: .ci, hubs: [HubGrant(hub: Self.hub, capabilities: all, role: "role-viewer")])
        let manager = try await server.server.tokens.create(name: "manager", role: .ci, hubs: [HubGrant(hub: Self.hub, capabilities: all, role: "role-manager")])
        let stranger = try await server.server.tokens.create(name: "stranger", role: .ci, hubs: [HubGrant(hub: Self.hub, capabilities: all, role: "role-other")])
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let acl = #"{"roles":{"role-viewer":{"view":true,"modify":false,"manage":false},"role-manager":{"view":true,"modify":true,"manage":true}}}"#
            let id = try await cycle.create(#"{"type":"direct","name":"guarded","origin":{"type":"none"},"acl":\#(acl)}"#)
            let open = try await cycle.create(#"{"type":"direct","name":"open","origin":{"type":"none"}}"#)

            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)", token: viewer).status == .ok)
            let viewerPatch = try await cycle.send(.patch, "/v1/images/sources/\(id)", json: #"{"name":"x"}"#, token: viewer)
            #expect(viewerPatch.status == .forbidden)
            #expect(viewerPatch.json?["error"]?["detail"]?.stringValue?.contains("modify") == true)
            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)", token: stranger).status == .forbidden)
            let strangerList = try await cycle.send(.get, "/v1/images/sources", token: stranger)
            #expect(strangerList.json?["data"]?.arrayValue?.map { $0["id"]?.stringValue } == [open], "a source the role may not view is left out of lists")
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(open)", json: #"{"name":"y"}"#, token: stranger).status == .ok, "no ACL: capabilities decide")
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(id)/access", json: #"{"acl":null}"#, token: viewer).status == .forbidden)
            #expect(try await cycle.send(.delete, "/v1/images/sources/\(id)", token: viewer).status == .forbidden)
            let strangerImage = try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(id)"}"#, token: stranger)
            #expect(strangerImage.status == .forbidden, "making an image needs view on the source's ACL")
            #expect(strangerImage.json?["error"]?["extra"]?["capability"]?.stringValue == "images-manage", "\(strangerImage.text)")
            let image = try #require(try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(id)"}"#, token: viewer).json?["data"]?["id"]?.stringValue)
            let strangerImport = try await cycle.send(.post, "/v1/images/\(image)/tasks", json: #"{"action":"import"}"#, token: stranger)
            #expect(strangerImport.status == .forbidden)
            #expect(strangerImport.json?["error"]?["code"]?.stringValue == "403.permissions")
            #expect(viewerPatch.json?["error"]?["extra"]?["capability"]?.stringValue == "images-sources-manage")
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(id)", json: #"{"name":"by manager"}"#, token: manager).status == .ok)
            let cleared = try await cycle.send(.patch, "/v1/images/sources/\(id)/access", json: #"{"acl":null}"#, token: manager)
            #expect(cleared.status == .ok)
            #expect(cleared.json?["data"]?["acl"] == .null)
            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)", token: stranger).status == .ok, "without the ACL the stranger's capabilities suffice")
            let set = try await cycle.send(.patch, "/v1/images/sources/\(id)/access", json: #"{"acl":\#(acl)}"#)
            #expect(set.json?["data"]?["acl"]?["roles"]?["role-viewer"]?["view"] == .bool(true))
            let empty = try await cycle.send(.patch, "/v1/images/sources/\(id)/access", json: #"{"acl":{"roles":{}}}"#)
            #expect(empty.status.code == 422)
            #expect(try await cycle.send(.patch, "/v1/images/sources/\(id)/access", json: #"{}"#).json?["error"]?["source"]?.stringValue == "/acl")
        }
    }

    /// 100 sources, and filters, sorts and pages checked against the same rules computed here.
    @Test func filterSortAndPageAgreeWithAReference() async throws {
        let server = try await TestServer.make()
        struct Row: Sendable { var id: String; var name: String; var identifier: String; var target: String }
        let words = ["alpha", "beta", "gamma", "delta", "omega"]
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            var rows: [Row] = []
            for i in 0..<100 {
                let name = "\(words[i % 5]) Service \(i % 7)"
                let target = "team\(i % 3)/app\(i):v\(i % 4)"
                let reply = try await cycle.send(.post, "/v1/images/sources", json: #"{"type":"direct","name":"\#(name)","origin":{"type":"docker-hub","details":{"target":"\#(target)"}}}"#)
                let data = try #require(reply.json?["data"])
                rows.append(Row(id: data["id"]!.stringValue!, name: name, identifier: data["identifier"]!.stringValue!, target: target))
            }
            func ids(_ query: String) async throws -> [String] {
                let reply = try await cycle.send(.get, "/v1/images/sources?\(query)")
                #expect(reply.status == .ok, "\(query): \(reply.text)")
                return reply.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            }
            let newestFirst = rows.sorted { $0.id > $1.id }.map(\.id)
            #expect(try await ids("") == Array(newestFirst.prefix(20)), "default: 20 per page, newest first")
            #expect(try await ids("page%5Bnumber%5D=3") == Array(newestFirst[40..<60]))
            #expect(try await ids("page%5Bsize%5D=500").count == 100, "page size is capped at 100")
            #expect(try await ids("page%5Bsize%5D=30&page%5Bnumber%5D=4") == Array(newestFirst[90..<100]))
            #expect(try await ids("page%5Bnumber%5D=9").isEmpty)

            let byNameThenId = rows.sorted { ($0.name.lowercased(), $1.id) < ($1.name.lowercased(), $0.id) }
            #expect(try await ids("sort=name,-id&page%5Bsize%5D=100") == byNameThenId.map(\.id))
            #expect(try await ids("sort=name&sort=-id&page%5Bsize%5D=100") == byNameThenId.map(\.id), "repeated keys mean the same as a comma list")
            let byIdentifierDesc = rows.sorted { ($1.identifier, $1.id) < ($0.identifier, $0.id) }
            #expect(try await ids("sort=-identifier,-id&page%5Bsize%5D=100") == byIdentifierDesc.map(\.id))

            let search = rows.filter { [$0.name, $0.identifier, $0.id, $0.target].contains { $0.lowercased().contains("gamma") } }.sorted { $0.id > $1.id }
            #expect(try await ids("filter%5Bsearch%5D=GAMMA&page%5Bsize%5D=100") == search.map(\.id))
            let targetSearch = rows.filter { $0.target.contains("team2/") }.sorted { $0.id > $1.id }
            #expect(try await ids("filter%5Bsearch%5D=team2/&page%5Bsize%5D=100") == targetSearch.map(\.id))
            let identifier = rows[17].identifier
            let sameIdentifier = rows.filter { $0.identifier == identifier }.sorted { $0.id > $1.id }
            #expect(sameIdentifier.count > 1, "identifiers are not unique")
            #expect(try await ids("filter%5Bidentifier%5D=\(identifier)&page%5Bsize%5D=100") == sameIdentifier.map(\.id))
            #expect(try await ids("filter%5Bstate%5D=deleting,deleted").isEmpty)
            #expect(try await ids("filter%5Bstate%5D=live&page%5Bsize%5D=100").count == 100)
        }
    }

    @Test func metaAndIncludesAreFilledFromTheCatalogue() async throws {
        let server = try await TestServer.make()
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let id = try await cycle.create(#"{"type":"direct","name":"counted","origin":{"type":"none"}}"#)
            _ = try await cycle.create(#"{"type":"direct","name":"second","origin":{"type":"none"}}"#)
            for _ in 0..<2 { #expect(try await cycle.send(.post, "/v1/images", json: #"{"source_id":"\#(id)"}"#).status == .created) }
            let reply = try await cycle.send(.get, "/v1/images/sources?meta=images_count&include=creators&include=integrations")
            let data = try #require(reply.json?["data"]?.arrayValue)
            let counted = try #require(data.first { $0["id"]?.stringValue == id })
            #expect(counted["meta"]?["images_count"]?["total"]?.doubleValue == 2)
            #expect(counted["meta"]?["images_count"]?["state"]?["new"]?.doubleValue == 2)
            #expect(counted["meta"]?["images_count"]?["state"]?.objectValue?.keys.sorted() == ["building", "deleting", "downloading", "live", "new", "saving", "verifying"])
            #expect(data.first { $0["id"]?.stringValue != id }?["meta"]?["images_count"]?["total"]?.doubleValue == 0)
            let creator = try #require(counted["creator"]?["id"]?.stringValue)
            let keys = try #require(reply.json?["includes"]?["creators"]?["api_keys"]?.objectValue)
            #expect(keys.count == 1, "two sources by one creator include it once")
            #expect(keys[creator]?["name"]?.stringValue == "admin")
            #expect(reply.json?["includes"]?["integrations"]?.objectValue?.isEmpty == true)
            #expect(try await cycle.send(.get, "/v1/images/sources").json?["data"]?.arrayValue?.first?["meta"] == nil, "meta only when asked")
            #expect(try await cycle.send(.get, "/v1/images/sources?meta=nope").status.code == 422)
        }
    }

    @Test func deleteIsAJobAClientFollowsToCompletion() async throws {
        let server = try await TestServer.make()
        try await server.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let id = try await cycle.create(#"{"type":"direct","name":"demo","origin":{"type":"none"}}"#)
            let reply = try await cycle.send(.delete, "/v1/images/sources/\(id)")
            #expect(reply.status == .accepted)
            let descriptor = try #require(reply.json?["data"])
            #expect(descriptor["action"]?.stringValue == "delete")
            #expect(descriptor["job"]?["queue"]?.stringValue == "hub-\(Self.hub)-images")
            #expect(descriptor["job"]?["accepted"] == .bool(true))
            #expect(descriptor["job"]?["tasks"]?.arrayValue?.first?["header"]?.stringValue == "image.source.delete")
            #expect(descriptor["job"]?["tasks"]?.arrayValue?.first?["input"]?["id"]?.stringValue == id)
            let jobID = try #require(descriptor["job"]?["id"]?.stringValue)
            let job = try await cycle.follow(job: jobID)
            #expect(job["state"]?["current"]?.stringValue == "completed")
            #expect(job["hub_id"]?.stringValue == Self.hub)
            #expect(job["events"]?["completed"]?.stringValue != "0001-01-01T00:00:00Z")
            let source = try #require(try await cycle.send(.get, "/v1/images/sources/\(id)").json?["data"])
            #expect(source["state"]?["current"]?.stringValue == "deleted")
            #expect(source["events"]?["deleted"]?.stringValue != "0001-01-01T00:00:00Z")
            #expect(try await cycle.send(.get, "/v1/images/sources").json?["data"]?.arrayValue?.isEmpty == true, "deleted sources leave the default list")
            #expect(try await cycle.send(.get, "/v1/images/sources?filter%5Bstate%5D=deleted").json?["data"]?.arrayValue?.count == 1)
            #expect(try await cycle.send(.delete, "/v1/images/sources/\(id)").json?["error"]?["code"]?.stringValue == "403.invalid-state")
            #expect(try await cycle.send(.get, "/v1/jobs/\(jobID)", hub: Self.otherHub).json?["error"]?["code"]?.stringValue == "404.job")
        }
    }

    /// The delete is accepted by one process, which stops before any worker runs it; the
    /// next process on the same data finishes it.
    @Test func aQueuedDeleteSurvivesARestart() async throws {
        let first = try await TestServer.make()
        let id: String, jobID: String
        let (router, _) = first.server.makeRouter()
        (id, jobID) = try await TestServer.withoutJobs(router: router, token: first.adminToken) { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let id = try await cycle.create(#"{"type":"direct","name":"restart","origin":{"type":"none"}}"#)
            let reply = try await cycle.send(.delete, "/v1/images/sources/\(id)")
            let job = try #require(reply.json?["data"]?["job"]?["id"]?.stringValue)
            let again = try await cycle.send(.delete, "/v1/images/sources/\(id)")
            #expect(again.status == .accepted)
            #expect(again.json?["data"]?["job"]?["id"]?.stringValue == job, "a second DELETE answers the job already deleting it")
            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)").json?["data"]?["state"]?["current"]?.stringValue == "deleting")
            #expect(try await cycle.send(.get, "/v1/jobs/\(job)").json?["data"]?["state"]?["current"]?.stringValue == "queued")
            return (id, job)
        }
        var configuration = first.server.configuration
        configuration.dataDirectory = first.directory.path
        let second = try await BerthServer(configuration: configuration)
        let restarted = TestServer(server: second, directory: first.directory, adminToken: first.adminToken, analystToken: first.analystToken, ciToken: first.ciToken)
        try await restarted.withClient { api in
            let cycle = CycleClient(api: api, hub: Self.hub)
            let job = try await cycle.follow(job: jobID)
            #expect(job["state"]?["current"]?.stringValue == "completed")
            #expect(try await cycle.send(.get, "/v1/images/sources/\(id)").json?["data"]?["state"]?["current"]?.stringValue == "deleted")
        }
    }
}
