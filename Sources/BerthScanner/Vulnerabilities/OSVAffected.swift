/// One package (in one ecosystem) and the versions of it an advisory covers.
public struct OSVAffected: Sendable, Hashable, Codable {
    /// Optional in the schema: records that only carry `GIT` ranges (OSS-Fuzz,
    /// some NVD conversions) name a repository instead of a package, and such
    /// an entry can never match an installed package.
    public var package: OSVPackage?
    /// Per-package severity; the schema forbids it together with the
    /// record-level `severity`.
    public var severity: [OSVSeverity]
    public var ranges: [OSVRange]
    /// Explicitly enumerated affected versions, matched by string equality.
    public var versions: [String]
    public var ecosystemSpecific: OSVJSONValue?
    public var databaseSpecific: OSVJSONValue?

    public init(
        package: OSVPackage?, severity: [OSVSeverity] = [], ranges: [OSVRange] = [], versions: [String] = [],
        ecosystemSpecific: OSVJSONValue? = nil, databaseSpecific: OSVJSONValue? = nil
    ) {
        self.package = package
        self.severity = severity
        self.ranges = ranges
        self.versions = versions
        self.ecosystemSpecific = ecosystemSpecific
        self.databaseSpecific = databaseSpecific
    }

    private enum CodingKeys: String, CodingKey {
        case package
        case severity
        case ranges
        case versions
        case ecosystemSpecific = "ecosystem_specific"
        case databaseSpecific = "database_specific"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try container.decodeIfPresent(OSVPackage.self, forKey: .package)
        severity = try container.decodeIfPresent([OSVSeverity].self, forKey: .severity) ?? []
        ranges = try container.decodeIfPresent([OSVRange].self, forKey: .ranges) ?? []
        versions = try container.decodeIfPresent([String].self, forKey: .versions) ?? []
        ecosystemSpecific = try container.decodeIfPresent(OSVJSONValue.self, forKey: .ecosystemSpecific)
        databaseSpecific = try container.decodeIfPresent(OSVJSONValue.self, forKey: .databaseSpecific)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(package, forKey: .package)
        if !severity.isEmpty { try container.encode(severity, forKey: .severity) }
        if !ranges.isEmpty { try container.encode(ranges, forKey: .ranges) }
        if !versions.isEmpty { try container.encode(versions, forKey: .versions) }
        try container.encodeIfPresent(ecosystemSpecific, forKey: .ecosystemSpecific)
        try container.encodeIfPresent(databaseSpecific, forKey: .databaseSpecific)
    }
}
