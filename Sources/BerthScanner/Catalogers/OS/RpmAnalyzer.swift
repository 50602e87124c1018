import Foundation
import GRDB

/// Lists RPM packages (RHEL 9, Fedora, Rocky, Alma, recent SUSE, Amazon Linux
/// 2023) from rpm's SQLite database.
///
/// SQLite can only open a file by path, so the bytes go to a private
/// temporary directory that is removed afterwards, whatever happens. The
/// package metadata is not in SQL columns: each `Packages` row is a binary RPM
/// header, parsed by `RpmHeader`. The older Berkeley DB (`Packages`) and NDB
/// (`Packages.db`) formats are not read here.
public struct RpmAnalyzer: FileAnalyzer {
    public let name = "rpm"

    static let paths: Set<String> = [
        "var/lib/rpm/rpmdb.sqlite",
        "usr/lib/sysimage/rpm/rpmdb.sqlite",
        "usr/share/rpm/rpmdb.sqlite",
    ]

    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    public init() {}

    public func wants(_ entry: FileEntry) -> Bool {
        Self.paths.contains(entry.path)
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        let rows = try Self.headerRows(of: file)
        var findings: [Finding] = []
        findings.reserveCapacity(rows.count)
        for (record, blob) in rows {
            do {
                if let package = try Self.package(fromHeader: blob, location: file.path, layerIndex: file.layerIndex) {
                    findings.append(.package(package))
                }
            } catch let error as RpmHeaderError {
                throw RpmDatabaseError.malformedHeader(path: file.path, record: record, reason: error.reason)
            }
        }
        return findings
    }

    /// `nil` for the `gpg-pubkey` pseudo-packages that `rpm --import` adds:
    /// they are keys, not software, and have no source or architecture.
    static func package(fromHeader blob: Data, location: String, layerIndex: Int) throws -> InstalledPackage? {
        let header = try RpmHeader(blob: blob)
        guard let name = try header.string(RpmHeader.Tag.name), !name.isEmpty else {
            throw RpmHeaderError("no NAME tag (1000)")
        }
        if name == "gpg-pubkey" { return nil }
        guard let version = try header.string(RpmHeader.Tag.version), !version.isEmpty else {
            throw RpmHeaderError("package \(name) has no VERSION tag (1001)")
        }
        guard let release = try header.string(RpmHeader.Tag.release), !release.isEmpty else {
            throw RpmHeaderError("package \(name) has no RELEASE tag (1002)")
        }
        // rpm compares a missing epoch as 0, so "0:" is left out: it changes
        // nothing for matching and would make versions look unlike `rpm -q`.
        let epoch = try header.int32(RpmHeader.Tag.epoch) ?? 0
        let epochPrefix = epoch != 0 ? "\(epoch):" : ""
        let source = try header.string(RpmHeader.Tag.sourceRPM).flatMap(SourceRPMName.init(fileName:))
        return InstalledPackage(
            name: name,
            version: "\(epochPrefix)\(version)-\(release)",
            format: .rpm,
            sourceName: source?.name,
            // The source file name has no epoch; source and binary packages
            // share it, so the binary's epoch is the source's too.
            sourceVersion: source.map { "\(epochPrefix)\($0.versionRelease)" },
            architecture: try header.string(RpmHeader.Tag.arch).flatMap { $0.isEmpty ? nil : $0 },
            license: try header.string(RpmHeader.Tag.license).flatMap { $0.isEmpty ? nil : $0 },
            location: location,
            layerIndex: layerIndex
        )
    }

    /// `(hnum, blob)` for every row of `Packages`, in rpm's install order.
    static func headerRows(of file: ImageFile) throws -> [(Int64, Data)] {
        var bytes = file.contents
        guard bytes.count >= 100, Array(bytes.prefix(sqliteMagic.count)) == sqliteMagic else {
            throw RpmDatabaseError.notSQLite(path: file.path)
        }
        // rpm keeps the database in WAL mode (bytes 18 and 19 of the header
        // are 2). The copy is private and no -wal file comes with it, so mark
        // it as a rollback-journal database: SQLite then opens it read-only
        // without creating -shm and -wal files next to it.
        let start = bytes.startIndex
        if bytes[start + 18] == 2, bytes[start + 19] == 2 {
            bytes[start + 18] = 1
            bytes[start + 19] = 1
        }

        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory
            .appendingPathComponent("berth-rpmdb-\(UUID().uuidString)", isDirectory: true)
        do {
            try fileManager.createDirectory(
                at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RpmDatabaseError.unreadable(path: file.path, message: "cannot create a temporary directory: \(error)")
        }
        defer { try? fileManager.removeItem(at: directory) }
        let databaseURL = directory.appendingPathComponent("rpmdb.sqlite")

        do {
            try bytes.write(to: databaseURL)
            var configuration = Configuration()
            configuration.readonly = true
            configuration.label = "rpmdb \(file.path)"
            let queue = try DatabaseQueue(path: databaseURL.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("Packages") else {
                    throw RpmDatabaseError.missingPackagesTable(path: file.path)
                }
                var rows: [(Int64, Data)] = []
                let cursor = try Row.fetchCursor(db, sql: "SELECT hnum, blob FROM Packages ORDER BY hnum")
                while let row = try cursor.next() {
                    let record: Int64 = row[0]
                    let blob: Data? = row[1]
                    rows.append((record, blob ?? Data()))
                }
                return rows
            }
        } catch let error as RpmDatabaseError {
            throw error
        } catch let error as DatabaseError {
            throw RpmDatabaseError.unreadable(path: file.path, message: error.message ?? error.description)
        } catch {
            throw RpmDatabaseError.unreadable(path: file.path, message: "\(error)")
        }
    }
}
