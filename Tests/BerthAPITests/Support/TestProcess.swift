import Foundation

/// Runs a program to completion and keeps what it printed. Both pipes are drained at once
/// (stderr on another thread), so a chatty stderr cannot stall a process writing stdout.
enum TestProcess {
    struct Run: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self))
    }

    /// The same, waited for on a Dispatch thread: a test that waits seconds for a child
    /// process must not hold one of the few cooperative threads every other test runs on.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> Run {
        try await offPool { try run(executable, arguments) as Run }
    }

    /// Runs blocking work (process waits, pipe reads) off Swift's cooperative pool.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
