import Foundation
import Testing
@testable import BerthScanner

@Suite("NodePackageAnalyzer")
struct NodePackageAnalyzerTests {
    let analyzer = NodePackageAnalyzer()

    private func analyze(_ path: String, _ json: String) throws -> [InstalledPackage] {
        let data = Data(json.utf8)
        let entry = FileEntry(path: path, size: Int64(data.count), mode: 0o644)
        return try analyzer.analyze(ImageFile(entry: entry, contents: data, layerIndex: 1)).compactMap {
            if case let .package(package) = $0 { package } else { nil }
        }
    }

    @Test("claims package roots under node_modules only", arguments: [
        ("app/node_modules/express/package.json", true),
        ("app/node_modules/@types/node/package.json", true),
        ("app/node_modules/express/node_modules/debug/package.json", true),
        ("app/node_modules/@babel/core/node_modules/@babel/types/package.json", true),
        ("app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json", true),
        ("usr/lib/node_modules/npm/package.json", true),
        ("node_modules/x/package.json", true),
        ("app/package.json", false),
        ("app/node_modules/express/lib/package.json", false),
        ("app/node_modules/@types/package.json", false),
        ("app/node_modules/express/package-lock.json", false),
        ("app/node_modules/package.json", false),
        ("app/node_modules/.bin/package.json", false),
        ("app/node_modules/@/x/package.json", false),
    ])
    func wants(path: String, expected: Bool) {
        #expect(analyzer.wants(FileEntry(path: path, size: 200, mode: 0o644)) == expected)
    }

    @Test("a plain package with an SPDX license string")
    func plain() throws {
        let path = "app/node_modules/express/package.json"
        let packages = try analyze(path, #"{"name":"express","version":"4.18.2","license":"MIT","dependencies":{"debug":"2.6.9"}}"#)
        #expect(packages == [InstalledPackage(name: "express", version: "4.18.2", format: .npm, license: "MIT", location: path, layerIndex: 1)])
        #expect(packages.first?.sourceType == .nodejs)
    }

    @Test("scoped and nested packages keep their full names")
    func scopedNested() throws {
        let scoped = try analyze("app/node_modules/@babel/core/package.json", #"{"name":"@babel/core","version":"7.23.0"}"#)
        #expect(scoped.map(\.name) == ["@babel/core"])
        let nested = try analyze("app/node_modules/a/node_modules/@scope/b/package.json", #"{"name":"@scope/b","version":"0.0.1-beta.2"}"#)
        #expect(nested.map(\.name) == ["@scope/b"])
        #expect(nested.map(\.version) == ["0.0.1-beta.2"])
        #expect(nested.first?.license == nil)
    }

    @Test("legacy license object and licenses array")
    func legacyLicenses() throws {
        let object = try analyze("node_modules/a/package.json", #"{"name":"a","version":"1.0.0","license":{"type":"ISC","url":"https://example.invalid"}}"#)
        #expect(object.first?.license == "ISC")
        let array = try analyze("node_modules/b/package.json", #"{"name":"b","version":"1.0.0","licenses":[{"type":"MIT"},{"type":"GPL-2.0"}]}"#)
        #expect(array.first?.license == "MIT OR GPL-2.0")
    }

    @Test("package.json without a name or version is not an installed package")
    func missingNameOrVersion() throws {
        #expect(try analyze("node_modules/a/package.json", #"{"name":"a"}"#).isEmpty)
        #expect(try analyze("node_modules/a/package.json", #"{"version":"1.0.0"}"#).isEmpty)
        #expect(try analyze("node_modules/a/package.json", #"{"name":"","version":"1.0.0"}"#).isEmpty)
        #expect(try analyze("node_modules/a/package.json", #"{"name":"a","version":1}"#).isEmpty)
    }

    @Test("invalid JSON is an error")
    func invalidJSON() {
        #expect(throws: LanguageCatalogerError.malformedMetadata(path: "node_modules/a/package.json", reason: "package.json is not valid JSON")) {
            try analyze("node_modules/a/package.json", #"{"name":"a","#)
        }
        #expect(throws: LanguageCatalogerError.malformedMetadata(path: "node_modules/a/package.json", reason: "package.json is not a JSON object")) {
            try analyze("node_modules/a/package.json", #"["a"]"#)
        }
    }

    @Test("private workspace root outside node_modules is never claimed")
    func privateRoot() {
        #expect(!analyzer.wants(FileEntry(path: "srv/app/package.json", size: 60, mode: 0o644)))
    }
}
