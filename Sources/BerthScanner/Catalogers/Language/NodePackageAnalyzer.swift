import Foundation

/// Installed npm packages, from the `package.json` at the root of each
/// package directory under `node_modules/`.
///
/// Only installed packages are reported: a project's own `package.json`
/// (often a private workspace root) and lockfiles describe what *would* be
/// installed, and the `package.json` files some packages keep in
/// subdirectories (`lib/package.json` with just `{"type":"module"}`) are not
/// packages at all. Anchoring on the last `node_modules` component, as Trivy
/// does, handles nesting and pnpm's `.pnpm/x@1/node_modules/x` layout alike.
public struct NodePackageAnalyzer: FileAnalyzer {
    public var name: String { "npm" }

    public var maximumFileSize: Int64

    public init(maximumFileSize: Int64 = 4 << 20) {
        self.maximumFileSize = maximumFileSize
    }

    public func wants(_ entry: FileEntry) -> Bool {
        guard entry.size > 0, entry.size <= maximumFileSize else { return false }
        let components = entry.path.split(separator: "/")
        guard components.last == "package.json",
              let anchor = components.lastIndex(of: "node_modules") else { return false }
        let rest = components[(anchor + 1)...]
        switch rest.count {
        case 2:
            let directory = rest[rest.startIndex]
            return !directory.hasPrefix(".") && !directory.hasPrefix("@")
        case 3:
            let scope = rest[rest.startIndex]
            let directory = rest[rest.startIndex + 1]
            return scope.hasPrefix("@") && scope.count > 1 && !directory.hasPrefix(".")
        default:
            return false
        }
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: file.contents)
        } catch {
            throw LanguageCatalogerError.malformedMetadata(path: file.path, reason: "package.json is not valid JSON")
        }
        guard let manifest = object as? [String: Any] else {
            throw LanguageCatalogerError.malformedMetadata(path: file.path, reason: "package.json is not a JSON object")
        }
        // npm itself refuses to install a package without both, so such a
        // file is a fixture or a stub rather than an installed package.
        guard let name = Self.nonEmptyString(manifest["name"]),
              let version = Self.nonEmptyString(manifest["version"]) else { return [] }
        let package = InstalledPackage(
            name: name, version: version, format: .npm,
            license: Self.license(in: manifest), location: file.path, layerIndex: file.layerIndex
        )
        return [.package(package)]
    }

    /// `license` is an SPDX string today; packages published before 2015
    /// used `{"type": "MIT"}` or a `licenses` array of those, which listed
    /// alternatives, hence `OR`.
    static func license(in manifest: [String: Any]) -> String? {
        if let license = licenseName(manifest["license"]) { return license }
        guard let list = manifest["licenses"] as? [Any] else { return nil }
        let names = list.compactMap(licenseName)
        return names.isEmpty ? nil : names.joined(separator: " OR ")
    }

    private static func licenseName(_ value: Any?) -> String? {
        if let string = nonEmptyString(value) { return string }
        if let object = value as? [String: Any] { return nonEmptyString(object["type"]) }
        return nil
    }

    private static func nonEmptyString(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
