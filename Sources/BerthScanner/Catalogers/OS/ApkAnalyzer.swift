import Foundation

/// Lists Alpine (and Wolfi, Chainguard) packages from apk's installed database.
///
/// The database is paragraphs of one-letter `X:value` lines. Only the package
/// lines matter here; the file lines (`F:`, `R:`, `Z:`, `a:`, `M:`) repeat
/// per file and are skipped without decoding. `o:` (origin) is kept because
/// Alpine's security database is keyed by the origin: `libcrypto3` is fixed
/// under `openssl`.
public struct ApkAnalyzer: FileAnalyzer {
    public let name = "apk"

    /// `usr/lib/apk/db/installed` is where apk-tools 3 (and usr-merged
    /// distributions) keep it; the classic location is still the common one.
    static let paths: Set<String> = ["lib/apk/db/installed", "usr/lib/apk/db/installed"]

    public init() {}

    public func wants(_ entry: FileEntry) -> Bool {
        Self.paths.contains(entry.path)
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        var packages: [InstalledPackage] = []
        var fields: [UInt8: String] = [:]

        func finishParagraph() {
            defer { fields.removeAll(keepingCapacity: true) }
            guard let name = fields[UInt8(ascii: "P")], !name.isEmpty,
                  let version = fields[UInt8(ascii: "V")], !version.isEmpty
            else { return }
            packages.append(InstalledPackage(
                name: name,
                version: version,
                format: .apk,
                sourceName: fields[UInt8(ascii: "o")].flatMap { $0.isEmpty ? nil : $0 },
                architecture: fields[UInt8(ascii: "A")].flatMap { $0.isEmpty ? nil : $0 },
                license: fields[UInt8(ascii: "L")].flatMap { $0.isEmpty ? nil : $0 },
                location: file.path,
                layerIndex: file.layerIndex
            ))
        }

        let wanted: Set<UInt8> = [UInt8(ascii: "P"), UInt8(ascii: "V"), UInt8(ascii: "A"), UInt8(ascii: "o"), UInt8(ascii: "L")]
        file.contents.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                defer { lineStart = lineEnd + 1 }

                if contentEnd == lineStart {
                    finishParagraph()
                    continue
                }
                guard contentEnd - lineStart >= 2, bytes[lineStart + 1] == UInt8(ascii: ":") else { continue }
                let key = bytes[lineStart]
                guard wanted.contains(key), fields[key] == nil else { continue }
                let value = UnsafeBufferPointer(rebasing: bytes[(lineStart + 2)..<contentEnd])
                fields[key] = String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
        }
        finishParagraph()
        return packages.map(Finding.package)
    }
}
