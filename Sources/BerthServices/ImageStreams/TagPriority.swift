import Foundation

/// `PrioritizeTags`: `latest` first, then minor versions (`5.1`, `v5.1`) newest first, then
/// full versions newest first, then the rest by name — so a capped repository import keeps
/// the tags people pull.
enum TagPriority {
    static func sorted(_ tags: [String]) -> [String] {
        func version(_ tag: String) -> [Int]? {
            var text = tag
            if text.hasPrefix("v") { text.removeFirst() }
            let core = text.prefix { $0 != "-" && $0 != "+" }
            let parts = core.split(separator: ".", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= 3 else { return nil }
            let numbers = parts.compactMap { Int($0) }
            return numbers.count == parts.count ? numbers : nil
        }
        func rank(_ tag: String) -> (Int, [Int], String) {
            if tag == "latest" { return (0, [], tag) }
            if let numbers = version(tag) { return (numbers.count == 2 ? 1 : 2, numbers, tag) }
            return (3, [], tag)
        }
        return Set(tags.map { $0.isEmpty ? "latest" : $0 }).sorted { a, b in
            let (ra, va, ta) = rank(a), (rb, vb, tb) = rank(b)
            if ra != rb { return ra < rb }
            if va != vb { return va.lexicographicallyPrecedes(vb) == false && va != vb }
            return ta < tb
        }
    }
}
