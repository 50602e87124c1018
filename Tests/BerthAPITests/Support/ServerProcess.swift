import Foundation
import Testing

/// A real `berth serve` process on a free loopback port, for what only a process can show:
/// signals, crash recovery, files on disk, other clients.
final class ServerProcess: @unchecked Sendable {
    let dataDirectory: URL
    let port: Int
    private(set) var process: Process
    private let output: Pipe
    private let extraArguments: [String]

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("berth")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/berth")
    }

    init(dataDirectory: URL? = nil, arguments: [String] = []) throws {
        self.dataDirectory = dataDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("berth-proc-\(UUID().uuidString)")
        self.port = try Self.freePort()
        self.extraArguments = arguments
        self.output = Pipe()
        self.process = Process()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The database the harness chose (PostgreSQL pass), unless the test named its own.
    var database: String? {
        get throws { extraArguments.contains("--database") ? nil : try TestDatabase.url(for: dataDirectory) }
    }

    var adminToken: String {
        get throws {
            try String(contentsOf: dataDirectory.appendingPathComponent("admin.token"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Starts the server and waits until `/readyz` answers (over HTTPS, checked with curl
    /// without verification, when the server was given a certificate).
    func start(scheme: String = "http") async throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--data-dir", dataDirectory.path, "--port", String(port), "--log-level", "warning"]
            + (try database.map { ["--database", $0] } ?? []) + extraArguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if scheme == "https" {
                let probe = Process()
                probe.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
                probe.arguments = ["-skf", "https://127.0.0.1:\(port)/readyz"]
                probe.standardOutput = FileHandle.nullDevice
                probe.standardError = FileHandle.nullDevice
                try probe.run()
                probe.waitUntilExit()
                if probe.terminationStatus == 0 { return }
            } else if try await TestHTTP.get("\(baseURL)/readyz").status == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestHTTP.Failure(message: "berth serve did not become ready on port \(port)")
    }

    /// Everything the server printed on stdout so far (it prints little: the token file path).
    func stdout() -> String {
        String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for exit; returns the exit status, or nil on timeout.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { return process.terminationStatus }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func stop() async {
        guard process.isRunning else { return }
        signal(SIGTERM)
        if await waitForExit(timeout: .seconds(10)) == nil { signal(SIGKILL) }
    }

    /// Runs another berth command against the same data directory.
    func command(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let database = arguments.contains("--database") ? nil : try self.database
        let run = try TestProcess.run(Self.binary, arguments + ["--data-dir", dataDirectory.path] + (database.map { ["--database", $0] } ?? []))
        return (run.status, run.output)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestHTTP.Failure(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
