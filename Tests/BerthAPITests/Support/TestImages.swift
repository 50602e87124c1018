import Foundation

/// Test images: OCI layouts made by `Fixtures/make_oci_layout.py`, pushed with skopeo to the
/// loopback registries.
enum TestImages {
    struct Layout {
        var path: String
        var amd64: String
        var arm64: String
        var index: String
    }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// A fresh layout; `seed` makes its digests unique.
    static func makeLayout(seed: String, layers: Int = 2) throws -> Layout {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("berth-layout-\(seed)").path
        let output = try run("/usr/bin/env", ["python3", fixtures.appendingPathComponent("make_oci_layout.py").path, path, "--seed", seed, "--layers", "\(layers)"])
        struct Digests: Decodable {
            var amd64: String
            var arm64: String
            var index: String
        }
        let digests = try JSONDecoder().decode(Digests.self, from: Data(output.utf8))
        return Layout(path: path, amd64: digests.amd64, arm64: digests.arm64, index: digests.index)
    }

    /// `skopeo copy oci:LAYOUT:REF docker://DEST`.
    static func push(_ layout: Layout, ref: String, to destination: String, credentials: String? = nil, format: String? = nil, all: Bool = false) throws {
        var arguments = ["copy", "-q", "--retry-times", "3", "--dest-tls-verify=false"]
        if let credentials { arguments += ["--dest-creds", credentials] }
        if let format { arguments += ["--format", format] }
        if all { arguments.append("--all") }
        arguments += ["oci:\(layout.path):\(ref)", "docker://\(destination)"]
        _ = try run("/usr/bin/skopeo", arguments)
    }

    struct Inspection: Decodable {
        var Digest: String
        var Layers: [String]
        var Created: String?
        var Labels: [String: String]?
    }

    static func inspect(_ reference: String, credentials: String? = nil) throws -> Inspection {
        var arguments = ["inspect", "--tls-verify=false"]
        if let credentials { arguments += ["--creds", credentials] }
        arguments.append("docker://\(reference)")
        return try JSONDecoder().decode(Inspection.self, from: Data(try run("/usr/bin/skopeo", arguments).utf8))
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestHTTP.Failure(message: "\(executable) \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
