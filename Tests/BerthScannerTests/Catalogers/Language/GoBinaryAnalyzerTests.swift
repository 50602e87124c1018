import Foundation
import Synchronization
import Testing
@testable import BerthScanner

/// A real binary from the host Go toolchain, checked against what
/// `go version -m` says about it.
@Suite("GoBinaryAnalyzer on a real Go binary",
       .enabled(if: TestPeers.enabled(TestPeers.go), "go is not on PATH; set BERTH_REQUIRE_PEERS=1 to make this a failure"))
struct GoBinaryAnalyzerTests {
    /// What `go version -m` printed, reduced to the lines we report on.
    struct GoVersionReport {
        var goVersion = ""
        var main: (path: String, version: String)?
        var deps: [(path: String, version: String, replacement: (path: String, version: String)?)] = []
        var goarch: String?

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                guard line.hasPrefix("\t") else {
                    if let colon = line.lastIndex(of: ":") {
                        goVersion = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    }
                    continue
                }
                let fields = line.dropFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                switch fields.first {
                case "mod": main = (fields[1], fields.count > 2 ? fields[2] : "")
                case "dep": deps.append((fields[1], fields.count > 2 ? fields[2] : "", nil))
                case "=>": deps[deps.count - 1].replacement = (fields[1], fields.count > 2 ? fields[2] : "")
                case "build":
                    if fields.count > 1, fields[1].hasPrefix("GOARCH=") { goarch = String(fields[1].dropFirst(7)) }
                default: break
                }
            }
        }
    }

    /// One build shared by the tests in this suite, so the standard
    /// library is compiled once.
    ///
    /// Only the binary's bytes and the report are kept: the scratch
    /// directory (sources, GOCACHE) goes when `init` returns, because a
    /// static never deinitialises.
    final class Build: Sendable {
        let binary: Data
        let report: String
        let go: URL

        init() throws {
            go = try TestPeers.require(TestPeers.go, "go")
            let scratch = try ScratchDirectory()
            let root = scratch.url
            try scratch.write("src/go.mod", """
            module example.com/app

            go 1.19

            require example.com/dep v1.2.3

            replace example.com/dep => ./dep

            """)
            try scratch.write("src/main.go", """
            package main

            import (
            \t"fmt"

            \t"example.com/dep"
            )

            func main() { fmt.Println(dep.Greeting()) }

            """)
            try scratch.write("src/dep/go.mod", "module example.com/dep\n\ngo 1.19\n")
            try scratch.write("src/dep/dep.go", "package dep\n\nfunc Greeting() string { return \"hello\" }\n")
            // Everything the toolchain writes stays in the scratch
            // directory, and nothing may reach the network.
            let environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": root.path,
                "GOPATH": root.appendingPathComponent("gopath").path,
                "GOCACHE": root.appendingPathComponent("gocache").path,
                "GOFLAGS": "-mod=mod -modcacherw",
                "GOPROXY": "off",
                "GOSUMDB": "off",
                "GOWORK": "off",
                "GOTOOLCHAIN": "local",
                "CGO_ENABLED": "0",
            ]
            let source = root.appendingPathComponent("src")
            _ = try TestPeers.check(go, ["build", "-o", root.appendingPathComponent("app").path, "."], environment: environment, in: source)
            binary = try Data(contentsOf: root.appendingPathComponent("app"))
            report = try TestPeers.check(go, ["version", "-m", root.appendingPathComponent("app").path], environment: environment).stdoutText
        }
    }

    /// Swift Testing makes a new suite value per test; the build is made
    /// once per process behind this lock.
    private static let shared = Mutex<Result<Build, any Error>?>(nil)

    private func build() throws -> Build {
        try Self.shared.withLock { state in
            if state == nil { state = Result { try Build() } }
            return try state!.get()
        }
    }

    private func packages(_ data: Data) throws -> [InstalledPackage] {
        let entry = FileEntry(path: "usr/local/bin/app", size: Int64(data.count), mode: 0o755)
        let analyzer = GoBinaryAnalyzer()
        #expect(analyzer.wants(entry))
        return try analyzer.analyze(ImageFile(entry: entry, contents: data, layerIndex: 0)).compactMap {
            if case let .package(package) = $0 { package } else { nil }
        }
    }

    @Test("main module, replaced dependency and stdlib agree with go version -m")
    func agreesWithGoVersion() throws {
        let build = try build()
        let report = GoVersionReport(build.report)
        let packages = try packages(build.binary)

        #expect(report.goVersion.hasPrefix("go"), "unexpected go version -m output: \(build.report)")
        let stdlib = try #require(packages.first { $0.name == "stdlib" })
        #expect(stdlib.version == String(report.goVersion.dropFirst(2)))

        let main = try #require(report.main)
        #expect(main.path == "example.com/app")
        if main.version == "(devel)" {
            #expect(!packages.contains { $0.name == main.path }, "a (devel) main module has no version to match")
        } else {
            #expect(packages.contains { $0.name == main.path && $0.version == main.version })
        }

        #expect(report.deps.count == 1)
        let dep = try #require(report.deps.first)
        #expect(dep.path == "example.com/dep")
        #expect(dep.version == "v1.2.3")
        #expect(dep.replacement?.path == "./dep")
        // Go 1.19 spells a directory replacement's missing version
        // `(devel)`; other releases leave it empty.
        #expect(dep.replacement?.version == "" || dep.replacement?.version == "(devel)")
        // A directory replacement has no version, so the required one is
        // reported under the required path.
        #expect(packages.contains(InstalledPackage(
            name: "example.com/dep", version: "v1.2.3", format: .go,
            architecture: report.goarch, location: "usr/local/bin/app"
        )))
        #expect(packages.filter { $0.name != "stdlib" }.count == (main.version == "(devel)" ? 1 : 2))
        #expect(packages.allSatisfy { $0.architecture == report.goarch && $0.format == .go })
    }

    @Test("the build info is read from the .go.buildinfo section exactly as go reads it")
    func rawBuildInfo() throws {
        let build = try build()
        let info = try #require(try GoBuildInfo.read(fromELF: build.binary, path: "app"))
        let report = GoVersionReport(build.report)
        #expect(info.goVersion == report.goVersion)
        let modules = GoModuleInfo(parsing: info.moduleInfo)
        #expect(modules.path == "example.com/app")
        #expect(modules.main?.path == report.main?.path)
        #expect(modules.dependencies.map(\.module.path) == report.deps.map(\.path))
        #expect(modules.setting("GOARCH") == report.goarch)
        let elf = try #require(ELFFile(build.binary))
        #expect(elf.section(named: ".go.buildinfo") != nil)
    }

    @Test("still found with section headers wiped (data segment) and with all headers wiped (scan)")
    func wipedHeaders() throws {
        let build = try build()
        let expected = try packages(build.binary)
        var bytes = [UInt8](build.binary)
        let is64Bit = bytes[4] == 2
        // e_shoff and e_shnum
        let sectionOffset = is64Bit ? 40 : 32, sectionCount = is64Bit ? 60 : 48
        for index in sectionOffset ..< sectionOffset + (is64Bit ? 8 : 4) { bytes[index] = 0 }
        bytes[sectionCount] = 0
        bytes[sectionCount + 1] = 0
        #expect(try packages(Data(bytes)) == expected)
        // e_phoff
        let programOffset = is64Bit ? 32 : 28
        for index in programOffset ..< programOffset + (is64Bit ? 8 : 4) { bytes[index] = 0 }
        #expect(try packages(Data(bytes)) == expected)
    }

    @Test("a real binary cut short inside its build info is an error, not a silent miss")
    func truncatedRealBinary() throws {
        let build = try build()
        let elf = try #require(ELFFile(build.binary))
        let section = try #require(elf.section(named: ".go.buildinfo"))
        let cut = Data(build.binary.prefix(Int(section.offset) + 40))
        let entry = FileEntry(path: "app", size: Int64(cut.count), mode: 0o755)
        #expect(throws: LanguageCatalogerError.self) {
            try GoBinaryAnalyzer().analyze(ImageFile(entry: entry, contents: cut, layerIndex: 0))
        }
    }

    /// The `go` tool links `debug/buildinfo`, so it carries the magic string
    /// as data besides its own header: the right one must be picked.
    @Test("the toolchain's own binaries agree with go version -m")
    func toolchainBinaries() throws {
        let build = try build()
        let goroot = try TestPeers.check(build.go, ["env", "GOROOT"]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let goBinary = URL(fileURLWithPath: goroot).appendingPathComponent("bin/go")
        let gofmt = URL(fileURLWithPath: goroot).appendingPathComponent("bin/gofmt")
        var checked = 0
        for binary in [goBinary, gofmt] where FileManager.default.isExecutableFile(atPath: binary.path) {
            let report = GoVersionReport(try TestPeers.check(build.go, ["version", "-m", binary.path]).stdoutText)
            let data = try Data(contentsOf: binary)
            let info = try #require(try GoBuildInfo.read(fromELF: data, path: binary.path))
            #expect(info.goVersion == report.goVersion)
            let packages = try packages(data)
            #expect(packages.last == InstalledPackage(
                name: "stdlib", version: String(report.goVersion.dropFirst(2)), format: .go,
                architecture: report.goarch, location: "usr/local/bin/app"
            ), "\(binary.path)")
            #expect(packages.count == 1 + report.deps.count + (report.main.map { $0.version == "(devel)" || $0.version.isEmpty ? 0 : 1 } ?? 0))
            checked += 1
        }
        #expect(checked > 0, "no toolchain binaries under \(goroot)/bin")
    }

    @Test("a real non-Go executable yields nothing")
    func nonGoExecutable() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "/bin/sh").resolvingSymlinksInPath())
        #expect(try packages(data).isEmpty)
    }
}
