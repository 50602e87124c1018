import Foundation
import Testing

/// The OpenShift image API as stock kubectl drives it, against a real registry: create a
/// stream from a file, import its tag, read the tag back, see the same image through the
/// StackRox API, and watch every change arrive.
@Suite("OpenShift image streams with kubectl", .serialized, .enabled(if: Peers.registriesAvailable))
struct OpenShiftKubectlTests {
    struct Cluster {
        let server: ServerProcess
        let directory: URL
        let kubeconfig: String
        let certificate: String
        let token: String

        func kubectl(_ arguments: [String], input: String? = nil) async throws -> (status: Int32, output: String) {
            var all = ["--kubeconfig", kubeconfig, "--cache-dir", directory.appendingPathComponent("cache").path]
            if let input {
                let file = directory.appendingPathComponent("input-\(UUID().uuidString).yaml")
                try Data(input.utf8).write(to: file)
                all += arguments.map { $0 == "-" ? file.path : $0 }
            } else {
                all += arguments
            }
            let run = try await TestProcess.run(URL(fileURLWithPath: "/usr/bin/kubectl"), all)
            return (run.status, run.output)
        }

        func curl(_ path: String) async throws -> [String: Any] {
            let run = try await TestProcess.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-sk", "-H", "Authorization: Bearer \(token)", "https://127.0.0.1:\(server.port)\(path)"])
            return (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? ["raw": run.output]
        }
    }

    static func cluster(_ extra: [String] = []) async throws -> Cluster {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-oc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("tls.crt").path, key = directory.appendingPathComponent("tls.key").path
        let made = try await TestProcess.run(URL(fileURLWithPath: "/usr/bin/openssl"), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
        ])
        #expect(made.status == 0, "\(made.output)")
        let server = try ServerProcess(arguments: ["--tls-cert", cert, "--tls-key", key, "--allow-loopback-endpoints", "--import-check-interval", "600"] + extra)
        try await server.start(scheme: "https")
        let token = try server.adminToken
        let kubeconfig = directory.appendingPathComponent("kubeconfig").path
        try Data("""
            apiVersion: v1
            kind: Config
            clusters:
            - name: berth
              cluster:
                server: https://127.0.0.1:\(server.port)
                certificate-authority: \(cert)
            users:
            - name: admin
              user:
                token: \(token)
            contexts:
            - name: berth
              context: {cluster: berth, user: admin, namespace: default}
            current-context: berth
            """.utf8).write(to: URL(fileURLWithPath: kubeconfig))
        return Cluster(server: server, directory: directory, kubeconfig: kubeconfig, certificate: cert, token: token)
    }

    @Test func createImportReadWatchAndDeleteAStream() async throws {
        let registry = try Peers.value(Peers.registry, "BERTH_TEST_REGISTRY")
        let seed = UUID().uuidString.prefix(8).lowercased()
        let layout = try await TestProcess.offPool { try TestImages.makeLayout(seed: "oc-\(seed)") }
        let repository = "\(registry)/oc-\(seed)/app"
        try await TestProcess.offPool { try TestImages.push(layout, ref: "multi", to: "\(repository):v1", all: true) }
        let cluster = try await Self.cluster()
        defer { Task { await cluster.server.stop() } }

        // A watch from the start, through kubectl, ended by its own request timeout.
        let watchOutput = cluster.directory.appendingPathComponent("watch.out")
        FileManager.default.createFile(atPath: watchOutput.path, contents: nil)
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: "/usr/bin/kubectl")
        watcher.arguments = ["--kubeconfig", cluster.kubeconfig, "--cache-dir", cluster.directory.appendingPathComponent("cache-w").path,
                             "get", "is", "--watch", "-o", "json", "--request-timeout=25s"]
        watcher.standardOutput = try FileHandle(forWritingTo: watchOutput)
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        try await Task.sleep(for: .seconds(2))

        let created = try await cluster.kubectl(["create", "-f", "-"], input: """
            apiVersion: image.openshift.io/v1
            kind: ImageStream
            metadata:
              name: app
              labels: {team: payments}
            spec:
              tags:
              - name: v1
                from: {kind: DockerImage, name: "\(repository):v1"}
            """)
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("imagestream.image.openshift.io/app created"), "\(created.output)")

        // kubectl validates server-side: an unknown field is refused by name.
        let strict = try await cluster.kubectl(["create", "-f", "-"], input: """
            apiVersion: image.openshift.io/v1
            kind: ImageStream
            metadata: {name: bad}
            spec: {bogus: 1}
            """)
        #expect(strict.status != 0)
        #expect(strict.output.contains("unknown field \"spec.bogus\""), "\(strict.output)")

        let imported = try await cluster.kubectl(["create", "-f", "-", "-o", "json"], input: """
            apiVersion: image.openshift.io/v1
            kind: ImageStreamImport
            metadata: {name: app}
            spec:
              import: true
              images:
              - from: {kind: DockerImage, name: "\(repository):v1"}
                to: {name: v1}
            """)
        #expect(imported.status == 0, "\(imported.output)")
        let isi = try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any]
        let images = (isi?["status"] as? [String: Any])?["images"] as? [[String: Any]]
        #expect((images?.first?["status"] as? [String: Any])?["status"] as? String == "Success", "\(imported.output)")
        #expect(((images?.first?["image"] as? [String: Any])?["metadata"] as? [String: Any])?["name"] as? String == layout.amd64,
                "Legacy import mode picks linux/amd64 out of the index")
        #expect((images?.first?["image"] as? [String: Any])?["dockerImageReference"] as? String == "\(repository)@\(layout.amd64)")

        let istag = try await cluster.kubectl(["get", "istag", "app:v1", "-o", "jsonpath={.image.metadata.name} {.image.dockerImageReference} {.tag.from.name}"])
        #expect(istag.status == 0, "\(istag.output)")
        #expect(istag.output == "\(layout.amd64) \(repository)@\(layout.amd64) \(repository):v1", "\(istag.output)")
        let table = try await cluster.kubectl(["get", "istag"])
        #expect(table.output.contains("NAME") && table.output.contains("IMAGE REFERENCE") && table.output.contains("app:v1"), "\(table.output)")
        let streams = try await cluster.kubectl(["get", "is"])
        #expect(streams.output.contains("IMAGE REPOSITORY") && streams.output.contains("app") && streams.output.contains("v1"), "\(streams.output)")

        // One stored image, two views: the StackRox API knows it by the same digest.
        let rox = try await cluster.curl("/v1/images/\(layout.amd64)")
        #expect(rox["id"] as? String == layout.amd64, "\(rox)")
        #expect(rox["openShift"] == nil, "StackRox clients see no OpenShift fields")
        let image = try await cluster.kubectl(["get", "images.image.openshift.io", layout.amd64, "-o", "jsonpath={.dockerImageLayers[*].name}"])
        #expect(image.status == 0, "\(image.output)")
        #expect(image.output.split(separator: " ").count == 2, "\(image.output)")

        let patched = try await cluster.kubectl(["patch", "is", "app", "--type=merge", "-p", #"{"metadata":{"labels":{"tier":"gold"}}}"#])
        #expect(patched.status == 0, "\(patched.output)")
        let selected = try await cluster.kubectl(["get", "is", "-l", "tier=gold,team=payments", "-o", "name"])
        #expect(selected.output.trimmingCharacters(in: .whitespacesAndNewlines) == "imagestream.image.openshift.io/app", "\(selected.output)")
        let none = try await cluster.kubectl(["get", "is", "-l", "tier=silver", "-o", "name"])
        #expect(none.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(none.output)")

        // A scan through StackRox shows on the OpenShift Image.
        let scan = try await TestProcess.run(URL(fileURLWithPath: "/usr/bin/curl"), [
            "-sk", "-X", "POST", "-H", "Authorization: Bearer \(cluster.token)", "-d", #"{"imageName":"\#(repository)@\#(layout.amd64)"}"#,
            "https://127.0.0.1:\(cluster.server.port)/v1/images/scan",
        ])
        #expect(scan.output.contains(layout.amd64), "\(scan.output)")
        let scanned = try await cluster.kubectl(["get", "images.image.openshift.io", layout.amd64, "-o", #"jsonpath={.metadata.annotations.scan\.berth\.dev/cves}"#])
        #expect(scanned.output == "0", "the scan's CVE count is an annotation: \(scanned.output)")

        // ImageTag: a tag that follows another appears with spec and status at once.
        let itag = try await cluster.kubectl(["create", "-f", "-"], input: """
            apiVersion: image.openshift.io/v1
            kind: ImageTag
            metadata: {name: "app:stable"}
            spec:
              name: stable
              from: {kind: ImageStreamTag, name: "v1"}
            """)
        #expect(itag.status == 0, "\(itag.output)")
        let itags = try await cluster.kubectl(["get", "itag"])
        #expect(itags.output.contains("SPEC") && itags.output.contains("app:stable") && itags.output.contains("Tag Track"), "\(itags.output)")
        let stable = try await cluster.kubectl(["get", "itag", "app:stable", "-o", "jsonpath={.image.metadata.name}"])
        #expect(stable.output == layout.amd64, "\(stable.output)")

        let deletedTag = try await cluster.kubectl(["delete", "istag", "app:v1"])
        #expect(deletedTag.status == 0, "\(deletedTag.output)")
        let gone = try await cluster.kubectl(["get", "istag", "app:v1"])
        #expect(gone.status != 0)
        #expect(gone.output.contains("NotFound") || gone.output.contains("not found"), "\(gone.output)")
        let deleted = try await cluster.kubectl(["delete", "is", "app"])
        #expect(deleted.status == 0, "\(deleted.output)")

        while watcher.isRunning { try await Task.sleep(for: .milliseconds(200)) }
        let events = try String(contentsOf: watchOutput, encoding: .utf8)
        #expect(events.contains(#""name": "app""#), "the watch saw the stream: \(events.prefix(2000))")
        #expect(events.contains(layout.amd64), "the watch saw the import")
        #expect(events.contains(#""tier": "gold""#), "the watch saw the patch")
    }
}
