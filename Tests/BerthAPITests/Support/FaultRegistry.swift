import Foundation

/// `Fixtures/fault_registry.py` as a process: a front to the real registry that answers
/// with injected faults.
final class FaultRegistry: @unchecked Sendable {
    let process = Process()
    let port: Int

    init(upstream: String, mode: String) throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("fault-\(UUID().uuidString)").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestImages.fixtures.appendingPathComponent("fault_registry.py").path, "--upstream", upstream, "--port-file", portFile, "--mode", mode]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                self.port = port
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        throw TestHTTP.Failure(message: "fault registry did not start")
    }

    var address: String { "127.0.0.1:\(port)" }

    /// SIGKILL: children of the test runner inherit a signal mask that blocks SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
