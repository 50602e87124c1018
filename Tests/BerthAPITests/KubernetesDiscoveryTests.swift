import Foundation
import Testing

/// The Kubernetes face of Berth as stock kubectl sees it: over HTTPS with a certificate
/// the test makes (kubectl sends no token over plain HTTP), discovery, short names, and
/// `metav1.Status` errors.
@Suite("kubectl against Berth", .serialized)
struct KubernetesDiscoveryTests {
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let run = try await TestProcess.run(URL(fileURLWithPath: executable), arguments)
        return (run.status, run.output)
    }

    @Test func kubectlDiscoversTheImageGroupOverHTTPS() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-kube-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("tls.crt").path, key = directory.appendingPathComponent("tls.key").path
        let made = try await Self.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
        ])
        #expect(made.status == 0, "\(made.output)")

        let server = try ServerProcess(arguments: ["--tls-cert", cert, "--tls-key", key])
        try await server.start(scheme: "https")
        defer { Task { await server.stop() } }
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
        func kubectl(_ arguments: String...) async throws -> (status: Int32, output: String) {
            try await Self.run("/usr/bin/kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", directory.appendingPathComponent("cache").path] + arguments)
        }

        let version = try await kubectl("version", "-o", "json")
        #expect(version.output.contains(#""minor": "32""#), "\(version.output)")

        let resources = try await kubectl("api-resources", "--api-group=image.openshift.io", "--no-headers")
        #expect(resources.status == 0, "\(resources.output)")
        let rows = resources.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.count == 8, "the eight top-level resources: \(resources.output)")
        #expect(rows.contains(["imagestreams", "is", "image.openshift.io/v1", "true", "ImageStream"]))
        #expect(rows.contains(["imagestreamtags", "istag", "image.openshift.io/v1", "true", "ImageStreamTag"]))
        #expect(rows.contains(["images", "image.openshift.io/v1", "false", "Image"]))

        let raw = try await kubectl("get", "--raw", "/apis/image.openshift.io/v1")
        let list = try JSONSerialization.jsonObject(with: Data(raw.output.utf8)) as? [String: Any]
        #expect(list?["groupVersion"] as? String == "image.openshift.io/v1")
        #expect((list?["resources"] as? [Any])?.count == 11)

        // Resolved through the short name; an empty namespace lists nothing.
        let get = try await kubectl("get", "is")
        #expect(get.status == 0, "\(get.output)")
        #expect(get.output.contains("No resources found in default namespace."), "\(get.output)")

        // A missing object is the server's NotFound Status, as kubectl prints it.
        let itag = try await kubectl("get", "itag", "nothing:here")
        #expect(itag.status != 0)
        #expect(itag.output.contains("Error from server (NotFound)"), "\(itag.output)")

        // The core group serves Secrets only.
        let core = try await kubectl("api-resources", "--api-group=", "--no-headers")
        #expect(core.output.contains("secrets"), "\(core.output)")

        // A wrong token gets a 401 Status, which kubectl reports as such.
        let anonymous = try await Self.run("/usr/bin/kubectl", ["--server", "https://127.0.0.1:\(server.port)", "--certificate-authority", cert, "--token", "berth_wrong", "get", "--raw", "/apis"])
        #expect(anonymous.status != 0)
        #expect(anonymous.output.contains("You must be logged in to the server (the bearer token is not valid"), "kubectl read the 401 Status: \(anonymous.output)")
    }
}
