/// Path arithmetic on layer member names, which are relative to the image
/// root however the archive spells them (`./etc`, `/etc`, `etc//x/../y`).
enum LayerPath {
    /// Go's `path.Clean` applied to the name as if rooted, with the leading
    /// `/` removed: `..` cannot climb above the root, matching how runtimes
    /// extract layers. The root itself becomes the empty string.
    static func clean(_ name: String) -> String {
        var parts: [Substring] = []
        for component in name.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Splits a cleaned path into its directory (`""` at the root) and base name.
    static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    static func join(_ directory: String, _ base: String) -> String {
        directory.isEmpty ? base : directory + "/" + base
    }

    /// Every proper ancestor of a cleaned path, nearest first: `a/b/c` gives `a/b`, `a`.
    static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var current = path[...]
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            result.append(String(current))
        }
        return result
    }
}
