import Testing
@testable import BerthScanner

@Suite("GoModuleInfo")
struct GoModuleInfoTests {
    @Test("path, main module, dependencies, replacements and build settings")
    func parse() {
        let info = GoModuleInfo(parsing: """
        path\texample.com/app/cmd/server
        mod\texample.com/app\t(devel)\t
        dep\tgithub.com/a/b\tv1.2.3\th1:abc=
        dep\tgithub.com/c/d\tv0.0.0-20230101000000-abcdef123456\th1:def=
        =>\t../d\t\t
        dep\tgithub.com/e/f\tv2.0.0+incompatible\th1:ghi=
        =>\tgithub.com/fork/f\tv2.0.1+incompatible\th1:jkl=
        build\t-compiler=gc
        build\t-ldflags="-s -w -X main.v=1"
        build\tCGO_ENABLED=0
        build\tGOARCH=arm64
        build\tvcs.modified=true

        """)
        #expect(info.path == "example.com/app/cmd/server")
        #expect(info.main == GoModule(path: "example.com/app", version: "(devel)"))
        #expect(info.dependencies.map(\.module.path) == ["github.com/a/b", "github.com/c/d", "github.com/e/f"])
        #expect(info.dependencies[0].replacement == nil)
        #expect(info.dependencies[0].module.sum == "h1:abc=")
        #expect(info.dependencies[1].replacement == GoModule(path: "../d", version: ""))
        #expect(info.dependencies.map(\.effective) == [
            GoModule(path: "github.com/a/b", version: "v1.2.3", sum: "h1:abc="),
            GoModule(path: "github.com/c/d", version: "v0.0.0-20230101000000-abcdef123456", sum: "h1:def="),
            GoModule(path: "github.com/fork/f", version: "v2.0.1+incompatible", sum: "h1:jkl="),
        ])
        #expect(info.setting("-ldflags") == "-s -w -X main.v=1")
        #expect(info.setting("GOARCH") == "arm64")
        #expect(info.setting("CGO_ENABLED") == "0")
        #expect(info.setting("GOOS") == nil)
    }

    @Test("a replacement applies only to the line right before it")
    func replacementScope() {
        let info = GoModuleInfo(parsing: """
        mod\tm\tv1.0.0
        =>\tm2\tv1.0.1
        =>\tstray\tv9.9.9
        dep\ta\tv1.0.0
        """)
        #expect(info.mainReplacement == GoModule(path: "m2", version: "v1.0.1"))
        #expect(info.dependencies == [GoDependency(module: GoModule(path: "a", version: "v1.0.0"))])
    }

    @Test("malformed lines are skipped, the rest still parses")
    func lenient() {
        let info = GoModuleInfo(parsing: "dep\t\nunknown\tline\ndep\tok\tv1.0.0\nbuild\tnoequals\n")
        #expect(info.dependencies.map(\.module.path) == ["ok"])
        #expect(info.settings.isEmpty)
    }

    @Test("packages: devel main skipped, replacements resolved, stdlib last")
    func packages() {
        let info = GoBuildInfo(goVersion: "go1.19.8", moduleInfo: """
        mod\texample.com/app\t(devel)\t
        dep\texample.com/dep\tv1.2.3
        =>\t./dep\t(devel)\t
        dep\texample.com/other\tv0.1.0
        =>\t../other\t\t
        dep\texample.com/old\tv1.0.0
        =>\texample.com/new\tv1.5.0\th1:x=
        build\tGOARCH=amd64
        """)
        let packages = GoBinaryAnalyzer.packages(from: info, location: "bin/app", layerIndex: 4)
        #expect(packages == [
            InstalledPackage(name: "example.com/dep", version: "v1.2.3", format: .go, architecture: "amd64", location: "bin/app", layerIndex: 4),
            InstalledPackage(name: "example.com/other", version: "v0.1.0", format: .go, architecture: "amd64", location: "bin/app", layerIndex: 4),
            InstalledPackage(name: "example.com/new", version: "v1.5.0", format: .go, architecture: "amd64", location: "bin/app", layerIndex: 4),
            InstalledPackage(name: "stdlib", version: "1.19.8", format: .go, architecture: "amd64", location: "bin/app", layerIndex: 4),
        ])
        #expect(packages.allSatisfy { $0.sourceType == .go })
    }
}
