import BerthModel
import Foundation
import Testing

/// Three `berth serve` processes on one PostgreSQL database, for what only processes show:
/// a replica killed with jobs in hand, and watches served by a replica that did not make
/// the change.
@Suite("Replicas: jobs and watches across processes", .enabled(if: Peers.postgresAvailable && Peers.registriesAvailable),
        .disabled(if: TestDatabase.onPostgres, "runs servers on PostgreSQL itself: once per test run is enough"), .serialized)
struct ReplicaScaleOutTests {
    static let manifestTypes = [
        "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
    ].joined(separator: ", ")

    /// 100 scans queued through two replicas while a third, busy with some of them, is
    /// SIGKILLed: every request is answered, every job succeeds once, and exactly the jobs
    /// the dead replica held run a second time, after their lease ran out. (The lease is 15 s,
    /// renewed every 5 s: long enough that a live replica on a loaded 2-core machine keeps
    /// its claims, so any other re-run would be a real double execution.)
    @Test func hundredScansSurviveAKilledReplica() async throws {
        let url = try TestDatabase.createPostgres("berth_jobs")
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = String(UUID().uuidString.prefix(8).lowercased())
        let layout = try TestImages.makeLayout(seed: seed, layers: 1)
        let repository = "scaleout/app-\(seed)"
        try TestImages.push(layout, ref: "1.0", to: "\(registry)/\(repository):base")
        // 100 tags of one manifest: 100 distinct scan requests, pushed in a second.
        let manifest = try await TestHTTP.send(.GET, "http://\(registry)/v2/\(repository)/manifests/base", headers: [("Accept", Self.manifestTypes)])
        #expect(manifest.status == 200)
        let mediaType = try #require((try JSONSerialization.jsonObject(with: manifest.body) as? [String: Any])?["mediaType"] as? String)
        for i in 0..<100 {
            let put = try await TestHTTP.send(.PUT, "http://\(registry)/v2/\(repository)/manifests/t\(i)", headers: [("Content-Type", mediaType)], body: manifest.body)
            #expect(put.status == 201, "\(put.text)")
        }
        // Manifests answer slowly through the fault front, so scans are still running when
        // the replica dies.
        let front = try FaultRegistry(upstream: registry, mode: "slow")
        defer { front.stop() }

        let key = FileManager.default.temporaryDirectory.appendingPathComponent("berth-jobs-\(UUID().uuidString).key").path
        let arguments = ["--database", url, "--secret-key-file", key, "--allow-loopback-endpoints", "--job-lease", "15", "--scan-concurrency", "3"]
        let a = try ServerProcess(arguments: arguments)
        try await a.start()
        let token = try a.adminToken
        let b = try ServerProcess(arguments: arguments)
        try await b.start()
        let c = try ServerProcess(arguments: arguments)
        try await c.start()
        defer { Task { await a.stop(); await b.stop(); await c.stop() } }

        let replies = Task {
            try await withThrowingTaskGroup(of: (Int, TestHTTP.Reply).self) { group in
                for i in 0..<100 {
                    let server = i % 2 == 0 ? a : c
                    group.addTask {
                        (i, try await TestHTTP.send(.POST, "\(server.baseURL)/v1/images/scan", token: token,
                                                    json: #"{"imageName":"\#(front.address)/\#(repository):t\#(i)"}"#, timeout: .seconds(600)))
                    }
                }
                var replies: [Int: TestHTTP.Reply] = [:]
                for try await (i, reply) in group { replies[i] = reply }
                return replies
            }
        }
        // Kill B once all three replicas hold leases, so it surely dies with jobs in hand.
        let deadline = ContinuousClock.now + .seconds(60)
        while try Set(Self.jobs(url).filter { $0.state == "running" }.compactMap(\.owner)).count < 3 {
            #expect(ContinuousClock.now < deadline, "three replicas never ran scans at once")
            if ContinuousClock.now > deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        b.signal(SIGKILL)
        // Within the lease nothing has re-claimed B's jobs yet: this is what it held.
        let heldAtDeath = try Self.jobs(url).filter { $0.state == "running" }

        let answered = try await replies.value
        #expect(answered.count == 100)
        for (i, reply) in answered { #expect(reply.status == 200, "scan \(i): \(reply.text)") }
        #expect(answered.values.allSatisfy { $0.text.contains(layout.amd64) })

        let jobs = try Self.jobs(url).filter { $0.type == "image.scan" }
        #expect(jobs.count == 100, "one job per scan request")
        #expect(jobs.allSatisfy { $0.state == "succeeded" }, "\(jobs.map(\.state))")
        let rerun = Set(jobs.filter { $0.attempts > 1 }.map(\.id))
        let owners = Dictionary(grouping: heldAtDeath, by: { $0.owner ?? "" })
        // Exactly one owner's jobs ran again: the dead one's, all of them, and only once more.
        let deadOwner = owners.first { _, held in !held.isEmpty && held.allSatisfy { rerun.contains($0.id) } }
        let dead = try #require(deadOwner, "no replica's held jobs were re-run: held \(heldAtDeath.map(\.id)), re-run \(rerun)")
        #expect(rerun == Set(dead.value.map(\.id)), "only the dead replica's jobs run twice")
        #expect(jobs.filter { rerun.contains($0.id) }.allSatisfy { $0.attempts == 2 })
    }

    /// A watch on B sees what A writes, resumes from a resourceVersion without missing a
    /// change, and gets 410 Gone once the log before that version has been compacted.
    @Test func aWatchOnOneReplicaSeesWritesThroughAnother() async throws {
        let url = try TestDatabase.createPostgres("berth_watch")
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("berth-watch-\(UUID().uuidString).key").path
        let arguments = ["--database", url, "--secret-key-file", key]
        let a = try ServerProcess(arguments: arguments)
        try await a.start()
        let token = try a.adminToken
        let b = try ServerProcess(arguments: arguments)
        try await b.start()
        defer { Task { await a.stop(); await b.stop() } }
        let streams = "/apis/image.openshift.io/v1/namespaces/team/imagestreams"
        func stream(_ name: String, label: String = "one") -> String {
            #"{"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"\#(name)","labels":{"v":"\#(label)"}}}"#
        }

        let started = ContinuousClock.now
        let first = Task {
            try await TestHTTP.watch("\(b.baseURL)\(streams)?watch=true&timeoutSeconds=15", token: token) { events in
                events.contains { $0["object"]?["metadata"]?["name"]?.stringValue == "app" }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let created = try await TestHTTP.send(.POST, "\(a.baseURL)\(streams)", token: token, json: stream("app"))
        #expect(created.status == 201, "\(created.text)")
        let seen = try await first.value
        let added = try #require(seen.first { $0["type"]?.stringValue == "ADDED" }, "\(seen)")
        #expect(ContinuousClock.now - started < .seconds(10), "the change crossed replicas within the poll interval")
        let version = try #require(added["object"]?["metadata"]?["resourceVersion"]?.stringValue)

        // Two changes while nobody watches, then a watch from the version seen: both arrive, in order.
        #expect(try await TestHTTP.send(.PUT, "\(a.baseURL)\(streams)/app", token: token, json: Self.withVersion(stream("app", label: "two"), version)).status == 200)
        #expect(try await TestHTTP.send(.POST, "\(a.baseURL)\(streams)", token: token, json: stream("other")).status == 201)
        let resumed = try await TestHTTP.watch("\(b.baseURL)\(streams)?watch=true&resourceVersion=\(version)&timeoutSeconds=10", token: token) { $0.count >= 2 }
        #expect(resumed.prefix(2).map { $0["type"]?.stringValue } == ["MODIFIED", "ADDED"], "\(resumed)")
        #expect(resumed.prefix(2).map { $0["object"]?["metadata"]?["name"]?.stringValue } == ["app", "other"])

        // More writes, then a third replica that keeps 2 events compacts the shared log at
        // start: the old version is gone for watchers on B as well.
        for i in 0..<3 { #expect(try await TestHTTP.send(.POST, "\(a.baseURL)\(streams)", token: token, json: stream("more-\(i)")).status == 201) }
        let c = try ServerProcess(arguments: arguments + ["--event-retention", "2"])
        try await c.start()
        defer { Task { await c.stop() } }
        var expired: [JSONValue] = []
        let until = ContinuousClock.now + .seconds(10)
        repeat {
            expired = try await TestHTTP.watch("\(b.baseURL)\(streams)?watch=true&resourceVersion=\(version)&timeoutSeconds=2", token: token) { !$0.isEmpty }
            if expired.first?["type"]?.stringValue == "ERROR" { break }
            try await Task.sleep(for: .milliseconds(200))
        } while ContinuousClock.now < until
        #expect(expired.first?["type"]?.stringValue == "ERROR", "\(expired)")
        #expect(expired.first?["object"]?["code"]?.doubleValue == 410, "\(expired)")
    }

    static func withVersion(_ json: String, _ version: String) -> String {
        json.replacingOccurrences(of: #""metadata":{"#, with: #""metadata":{"resourceVersion":"\#(version)","#)
    }

    struct JobRow {
        var id: String
        var type: String
        var state: String
        var owner: String?
        var attempts: Int
    }

    /// The job queue as the database holds it.
    static func jobs(_ url: String) throws -> [JobRow] {
        try TestDatabase.query(url, "SELECT convert_from(body, 'UTF8') FROM berth_objects WHERE kind = 'job'").compactMap { line in
            guard let job = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return JobRow(id: job["id"] as? String ?? "", type: job["type"] as? String ?? "", state: job["state"] as? String ?? "",
                          owner: job["leaseOwner"] as? String, attempts: job["attempts"] as? Int ?? 0)
        }
    }
}
