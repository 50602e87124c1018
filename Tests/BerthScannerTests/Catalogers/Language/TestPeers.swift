import Foundation
import Testing

/// External programs (python3, go) some tests need to make or check real
/// data. A missing one skips those tests on a developer's machine; with
/// `BERTH_REQUIRE_PEERS=1` (CI) the tests run anyway and fail, so a machine
/// that lost its toolchain cannot pass by skipping.
enum TestPeers {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var required: Bool {
        ProcessInfo.processInfo.environment["BERTH_REQUIRE_PEERS"] == "1"
    }

    static let python3 = executable(named: "python3")
    static let go = executable(named: "go")

    /// For `.enabled(if:)`: run when the tool is there, or when its absence
    /// must be reported as a failure.
    static func enabled(_ tool: URL?) -> Bool { tool != nil || required }

    static func require(_ tool: URL?, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(tool, "\(name) is not on PATH but BERTH_REQUIRE_PEERS=1 requires it", sourceLocation: sourceLocation)
    }

    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Output goes to files rather than pipes so a chatty child cannot
    /// block on a full pipe while we wait for it.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        in directory: URL? = nil, input: Data? = nil
    ) throws -> Output {
        let scratch = try ScratchDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = scratch.url.appendingPathComponent("stdin")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: try Data(contentsOf: outURL),
            stderr: try Data(contentsOf: errURL)
        )
    }

    /// Like `run`, but a non-zero exit is an error carrying stderr.
    static func check(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
        in directory: URL? = nil, input: Data? = nil
    ) throws -> Output {
        let output = try run(executable, arguments, environment: environment, in: directory, input: input)
        guard output.status == 0 else {
            throw Failure(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderrText)")
        }
        return output
    }
}
