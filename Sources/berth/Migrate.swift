import ArgumentParser
import BerthServer
import BerthStore
import Foundation

/// `berth migrate --from sqlite:PATH --to postgres://…`: the way from the embedded default to
/// a shared database when one machine is outgrown. Bodies are copied as stored, so sealed
/// secrets need the same key file on the other side.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole catalogue into another (empty) database; stop the servers using the source first.",
        discussion: """
            Secrets stay encrypted: start the servers on the target with the same --secret-key-file \
            (default <data-dir>/secret.key) that the source used.
            """
    )

    @Option(name: .long, help: "The database to copy: sqlite:PATH, a file path, or postgres://user:password@host:port/db.")
    var from: String

    @Option(name: .long, help: "The empty database to copy into: postgres://user:password@host:port/db or sqlite:PATH.")
    var to: String

    func run() async throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let source = try DatabaseLocation.parse(from, dataDirectory: here)
        let target = try DatabaseLocation.parse(to, dataDirectory: here)
        guard source != target else { throw ValidationError("--from and --to name the same database") }
        if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("--from \(path): no such database file")
        }
        let progress = Progress(enabled: isatty(2) == 1)
        let counts = try await StoreCopier(source: try await StoreOpener.open(source), target: try await StoreOpener.open(target)).copy { kind, count in
            progress.say("\(kind): \(count)")
        }
        progress.done()
        for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("\(kind)\t\(count)")
        }
        print("copied \(counts.values.reduce(0, +)) objects of \(counts.count) kinds; start the new servers with the source's --secret-key-file")
    }
}
