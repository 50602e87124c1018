/// The (ecosystem, name) pair advisories are indexed and looked up by.
///
/// OSV compares both strings exactly (`Debian:12` is not `debian:12`, and
/// `Alpine:v3.19` is not `Alpine:3.19`), so they are kept as given; the one
/// exception is PyPI, whose names are defined to be compared after PEP 503
/// normalisation, and feeds and installed metadata do not always agree on
/// the spelling (`Django` vs `django`, `zope.interface` vs `zope-interface`).
public struct OSVPackageKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let ecosystem: String
    public let name: String

    public init(ecosystem: String, name: String) {
        self.ecosystem = ecosystem
        self.name = OSVEcosystem.normalizedName(name, ecosystem: ecosystem)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ecosystem: try container.decode(String.self, forKey: .ecosystem),
            name: try container.decode(String.self, forKey: .name)
        )
    }

    private enum CodingKeys: String, CodingKey {
        case ecosystem, name
    }

    public static func < (lhs: OSVPackageKey, rhs: OSVPackageKey) -> Bool {
        (lhs.ecosystem, lhs.name) < (rhs.ecosystem, rhs.name)
    }

    public var description: String { "\(ecosystem)/\(name)" }
}
