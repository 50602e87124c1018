import BerthScanner
import Foundation

/// A one-line-per-fact analyzer, so tests can state a file's findings in its
/// contents: `pkg NAME VERSION`, `os ID VERSION PRECEDENCE`, `throw MESSAGE`.
/// It wants files ending in `.pkgdb`, `var/lib/dpkg/status` and `os-release`.
struct TestAnalyzer: FileAnalyzer {
    var name = "test"
    var spy: WantsSpy?

    func wants(_ entry: FileEntry) -> Bool {
        spy?.record(entry)
        return entry.path.hasSuffix(".pkgdb") || entry.path.hasSuffix("var/lib/dpkg/status")
            || entry.path.hasSuffix("os-release")
    }

    func analyze(_ file: ImageFile) throws -> [Finding] {
        var findings: [Finding] = []
        for line in String(decoding: file.contents, as: UTF8.self).split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            switch words.first {
            case "pkg" where words.count == 3:
                findings.append(
                    .package(InstalledPackage(name: words[1], version: words[2], format: .dpkg, location: file.path)))
            case "os" where words.count == 4:
                findings.append(
                    .operatingSystem(OperatingSystem(id: words[1], versionID: words[2]), precedence: Int(words[3])!))
            case "throw":
                throw TestAnalyzerError(message: words.dropFirst().joined(separator: " "))
            default:
                continue
            }
        }
        return findings
    }
}
