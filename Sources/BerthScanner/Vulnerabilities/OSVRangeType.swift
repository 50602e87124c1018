/// How a range's event versions are ordered.
///
/// A struct over the raw string rather than a closed enum, because a record
/// with a range type this code does not know yet must still load; the
/// matcher simply cannot evaluate such a range and skips it.
public struct OSVRangeType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// SemVer 2.0 without a `v`, whatever the ecosystem.
    public static let semver = OSVRangeType(rawValue: "SEMVER")
    /// The ecosystem's own ordering (dpkg for Debian, PEP 440 for PyPI, ...).
    public static let ecosystem = OSVRangeType(rawValue: "ECOSYSTEM")
    /// Commit hashes: meaningless without the repository's history, so an
    /// image scanner, which only has package versions, ignores them.
    public static let git = OSVRangeType(rawValue: "GIT")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
