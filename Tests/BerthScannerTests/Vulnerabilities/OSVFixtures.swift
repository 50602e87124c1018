import Foundation
@testable import BerthScanner

/// Locates the JSON fixtures next to the test sources, so tests need no
/// bundle resources and run the same from any working directory.
enum OSVFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/OSV", isDirectory: true)

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func records(_ relativePath: String) throws -> [OSVRecord] {
        try OSVLoader.decodeDocument(Data(contentsOf: url(relativePath)), source: relativePath)
    }

    static func record(_ relativePath: String) throws -> OSVRecord {
        let all = try records(relativePath)
        guard all.count == 1, let only = all.first else {
            throw OSVLoadError(source: relativePath, reason: "expected exactly one record, found \(all.count)")
        }
        return only
    }

    /// A fresh directory under the system temporary directory.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("berth-osv-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
