/// The package an `affected` entry is about, spelled as its ecosystem
/// spells it (`Debian:12` + source name, `PyPI` + normalised name).
public struct OSVPackage: Sendable, Hashable, Codable {
    public var ecosystem: String
    public var name: String
    public var purl: String?

    public init(ecosystem: String, name: String, purl: String? = nil) {
        self.ecosystem = ecosystem
        self.name = name
        self.purl = purl
    }

    /// The key a store indexes this entry under and a scan looks it up by.
    public var key: OSVPackageKey { OSVPackageKey(ecosystem: ecosystem, name: name) }
}
