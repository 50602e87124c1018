import BerthModel
import Foundation

/// A parsed `labelSelector` query parameter.
///
/// Parsed once per request, up front, so a malformed selector is a 400 before any object is
/// read, and matching each object is a walk over a few requirements rather than a re-parse.
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// Sorted by key (stable for one key), as Kubernetes sorts them, so two spellings of
    /// one selector compare equal and print the same.
    public private(set) var requirements: [LabelRequirement]

    public init(parsing text: String) throws(BerthError) {
        let parsed = try LabelSelectorParser.parse(text)
        requirements = parsed.enumerated()
            .sorted { $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset }
            .map(\.element)
    }

    /// An empty selector selects everything; callers use this to skip filtering (and to
    /// keep paging by store key) altogether.
    public var isEmpty: Bool { requirements.isEmpty }

    /// All requirements must hold (the comma is AND).
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }
}
