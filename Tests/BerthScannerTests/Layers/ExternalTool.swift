import Foundation

/// Runs the real tools a layer is made with (Python's `tarfile`, `gzip`,
/// `zstd`) so the tests read archives nobody hand-tuned for the parser.
enum ExternalTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("berth-layers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
        }
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try transform(bytes, extension: "gz") { input, output in ["gzip", "-n", "-c", input.path, ">", output.path] }
    }

    static func zstd(_ bytes: [UInt8]) throws -> [UInt8] {
        try transform(bytes, extension: "zst") { input, output in ["zstd", "-q", "-f", input.path, "-o", output.path] }
    }

    private static func transform(
        _ bytes: [UInt8], extension fileExtension: String, command: (URL, URL) -> [String]
    ) throws -> [UInt8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("layer.tar")
        let output = directory.appendingPathComponent("layer.tar.\(fileExtension)")
        try Data(bytes).write(to: input)
        try run(["sh", "-c", command(input, output).joined(separator: " ")])
        return [UInt8](try Data(contentsOf: output))
    }

    /// One member for `pythonTar`; `type` is `file`, `dir`, `symlink` or `link`.
    struct Member: Encodable {
        var name: String
        var type = "file"
        var data = ""
        var target: String?
        var pax: [String: String]?

        static func file(_ name: String, _ text: String, pax: [String: String]? = nil) -> Member {
            Member(name: name, data: Data(text.utf8).base64EncodedString(), pax: pax)
        }

        static func directory(_ name: String) -> Member {
            Member(name: name, type: "dir")
        }

        static func symlink(_ name: String, to target: String) -> Member {
            Member(name: name, type: "symlink", target: target)
        }

        static func hardLink(_ name: String, to target: String) -> Member {
            Member(name: name, type: "link", target: target)
        }
    }

    private struct Spec: Encodable {
        var format: String
        var members: [Member]
        var global: [String: String]?
    }

    private static let script = """
        import base64, io, json, sys, tarfile
        spec = json.load(open(sys.argv[1]))
        fmt = {"ustar": tarfile.USTAR_FORMAT, "gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT}[spec["format"]]
        extra = {"pax_headers": spec["global"]} if spec.get("global") else {}
        with tarfile.open(sys.argv[2], "w", format=fmt, **extra) as tar:
            for m in spec["members"]:
                info = tarfile.TarInfo(m["name"])
                info.mtime = 0
                info.uname = info.gname = "root"
                if m.get("pax"):
                    info.pax_headers = m["pax"]
                kind = m["type"]
                if kind == "file":
                    data = base64.b64decode(m["data"])
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
                    continue
                info.type = {"dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE, "link": tarfile.LNKTYPE}[kind]
                info.mode = 0o755 if kind == "dir" else 0o777
                info.linkname = m.get("target") or ""
                tar.addfile(info)
        """

    /// A tar written by Python's `tarfile` in `format` (`ustar`, `gnu`, `pax`).
    static func pythonTar(_ members: [Member], format: String, global: [String: String]? = nil) throws -> [UInt8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("make_tar.py")
        let specURL = directory.appendingPathComponent("spec.json")
        let output = directory.appendingPathComponent("out.tar")
        try Data(script.utf8).write(to: scriptURL)
        try JSONEncoder().encode(Spec(format: format, members: members, global: global)).write(to: specURL)
        try run(["python3", scriptURL.path, specURL.path, output.path])
        return [UInt8](try Data(contentsOf: output))
    }
}
