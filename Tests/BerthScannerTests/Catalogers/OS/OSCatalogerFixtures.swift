import Foundation
@testable import BerthScanner

/// Locates fixtures through `#filePath` so the package needs no resource
/// declarations: the fixtures live beside the tests in the source tree.
enum OSCatalogerFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Catalogers/OS
        .deletingLastPathComponent()  // Catalogers
        .deletingLastPathComponent()  // BerthScannerTests
        .appendingPathComponent("Fixtures/OS", isDirectory: true)

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(relativePath))
    }

    /// The fixture's bytes presented as if the walker found them at `imagePath`.
    static func fixtureFile(_ relativePath: String, at imagePath: String, layerIndex: Int = 0) throws -> ImageFile {
        let contents = try data(relativePath)
        return imageFile(contents, at: imagePath, layerIndex: layerIndex)
    }

    static func imageFile(_ contents: Data, at imagePath: String, layerIndex: Int = 0) -> ImageFile {
        ImageFile(
            entry: FileEntry(path: imagePath, size: Int64(contents.count), mode: 0o644),
            contents: contents,
            layerIndex: layerIndex
        )
    }

    static func imageFile(_ text: String, at imagePath: String, layerIndex: Int = 0) -> ImageFile {
        imageFile(Data(text.utf8), at: imagePath, layerIndex: layerIndex)
    }

    static func entry(_ path: String, size: Int64 = 1024, mode: UInt32 = 0o644) -> FileEntry {
        FileEntry(path: path, size: size, mode: mode)
    }

    static func packages(_ findings: [Finding]) -> [InstalledPackage] {
        findings.compactMap { finding in
            if case .package(let package) = finding { package } else { nil }
        }
    }

    static func operatingSystems(_ findings: [Finding]) -> [(OperatingSystem, Int)] {
        findings.compactMap { finding in
            if case .operatingSystem(let system, let precedence) = finding { (system, precedence) } else { nil }
        }
    }

    /// Runs a program to get the machine's own answer to compare against.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
