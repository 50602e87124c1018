import Foundation

/// Go modules compiled into executables, from the build info the Go linker
/// embeds (what `go version -m` prints).
///
/// Go binaries are self-contained, so a distroless image may hold nothing
/// but one; the modules and the toolchain baked into it are the only record
/// of which vulnerable code it ships.
///
/// Versions keep Go's own spelling (`v1.2.3`, pseudo-versions,
/// `+incompatible`), which is what `go.mod` and the Go vulnerability
/// database's aliases use; the OSV matcher strips the leading `v`. The
/// toolchain is reported as the `stdlib` pseudo-module with a bare version
/// (`1.19.8`), as OSV's Go ecosystem keys it.
public struct GoBinaryAnalyzer: FileAnalyzer {
    public var name: String { "gobinary" }

    /// Binaries are read whole; past this a file is more likely a data blob
    /// with an executable bit than a program.
    public var maximumFileSize: Int64

    public init(maximumFileSize: Int64 = 1 << 30) {
        self.maximumFileSize = maximumFileSize
    }

    public func wants(_ entry: FileEntry) -> Bool {
        // The smallest ELF header is 52 bytes; anything shorter cannot be
        // a program. Shared objects are rarely Go, but c-shared builds are,
        // and they are executable too.
        entry.isExecutable && entry.size >= 52 && entry.size <= maximumFileSize
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        // Most executables in an image are shell scripts or C programs;
        // reject them before any parsing.
        guard ELFFile.hasMagic(file.contents),
              let info = try GoBuildInfo.read(fromELF: file.contents, path: file.path) else { return [] }
        return Self.packages(from: info, location: file.path, layerIndex: file.layerIndex).map(Finding.package)
    }

    /// Main module, dependencies (replacements resolved) and `stdlib`, in
    /// that order.
    public static func packages(from info: GoBuildInfo, location: String, layerIndex: Int = 0) -> [InstalledPackage] {
        let modules = GoModuleInfo(parsing: info.moduleInfo)
        let architecture = modules.setting("GOARCH")
        func package(_ name: String, _ version: String) -> InstalledPackage {
            InstalledPackage(
                name: name, version: version, format: .go,
                architecture: architecture, location: location, layerIndex: layerIndex
            )
        }
        var packages: [InstalledPackage] = []
        // `(devel)` is a build from a working tree without a version tag:
        // no advisory range can contain it.
        if let main = modules.main, !main.version.isEmpty, main.version != "(devel)" {
            packages.append(package(main.path, main.version))
        }
        for dependency in modules.dependencies {
            let module = dependency.effective
            guard !module.version.isEmpty else { continue }
            packages.append(package(module.path, module.version))
        }
        if let version = stdlibVersion(info.goVersion) {
            packages.append(package("stdlib", version))
        }
        return packages
    }

    /// `go1.19.8` → `1.19.8`; `go1.21.0 X:boringcrypto` → `1.21.0`.
    /// A `devel` toolchain has no release to match advisories against.
    static func stdlibVersion(_ goVersion: String) -> String? {
        guard let first = goVersion.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
              first.hasPrefix("go") else { return nil }
        let version = first.dropFirst(2)
        guard let lead = version.first, lead.isNumber else { return nil }
        return String(version)
    }
}
