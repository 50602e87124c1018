import ArgumentParser
import BerthServer
import BerthServices
import Foundation

struct VulnDB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vulndb",
        abstract: "Manage the offline OSV vulnerability database (works beside a running server).",
        subcommands: [Import.self, Status.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load OSV records from a .json file, a directory tree or an osv.dev all.zip; records already present are replaced."
        )

        @OptionGroup var common: CommonOptions

        @Argument(help: "A .json file, a directory of them, or a .zip archive as osv.dev publishes per ecosystem.")
        var path: String

        func run() async throws {
            let server = try await ServerCommandSupport.server(common)
            let started = Date()
            let summary = try await server.vulnerabilities.importRecords(from: URL(fileURLWithPath: path))
            let seconds = Date().timeIntervalSince(started)
            print("imported \(summary.records) records (\(summary.withdrawn) withdrawn) from \(path) in \(String(format: "%.1f", seconds)) s")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print record counts per ecosystem and the newest modification time.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let server = try await ServerCommandSupport.server(common)
            let status = try await server.vulnerabilities.status()
            for (ecosystem, count) in status.recordsPerEcosystem.sorted(by: { $0.key < $1.key }) {
                print("\(ecosystem)\t\(count)")
            }
            print("total\t\(status.totalRecords)")
            print("newest modified\t\(status.newestModified.map { ISO8601DateFormatter().string(from: $0) } ?? "never")")
            if let at = status.lastImport, let source = status.lastImportSource {
                print("last import\t\(ISO8601DateFormatter().string(from: at)) from \(source) (\(status.lastImportRecords ?? 0) records)")
            }
        }
    }
}
