import Foundation

/// One OSV advisory (https://ossf.github.io/osv-schema/).
///
/// Only the fields a scanner and a report need are modelled; anything else
/// in the JSON (credits, future schema additions) is ignored on decode so a
/// newer feed never breaks an import.
public struct OSVRecord: Sendable, Hashable, Codable {
    public var schemaVersion: String?
    public var id: String
    /// Required by the schema; a store uses it to skip unchanged records on
    /// re-import.
    public var modified: Date
    public var published: Date?
    /// Set when the publisher retracted the advisory; such records stay in the
    /// data (so a store can delete what it had) but never match.
    public var withdrawn: Date?
    public var aliases: [String]
    public var related: [String]
    public var upstream: [String]
    public var summary: String?
    public var details: String?
    public var severity: [OSVSeverity]
    public var affected: [OSVAffected]
    public var references: [OSVReference]
    public var databaseSpecific: OSVJSONValue?

    public init(
        schemaVersion: String? = nil, id: String, modified: Date, published: Date? = nil, withdrawn: Date? = nil,
        aliases: [String] = [], related: [String] = [], upstream: [String] = [], summary: String? = nil,
        details: String? = nil, severity: [OSVSeverity] = [], affected: [OSVAffected] = [],
        references: [OSVReference] = [], databaseSpecific: OSVJSONValue? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.modified = modified
        self.published = published
        self.withdrawn = withdrawn
        self.aliases = aliases
        self.related = related
        self.upstream = upstream
        self.summary = summary
        self.details = details
        self.severity = severity
        self.affected = affected
        self.references = references
        self.databaseSpecific = databaseSpecific
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, modified, published, withdrawn, aliases, related, upstream, summary, details, severity
        case affected, references
        case databaseSpecific = "database_specific"
    }

    public init(from decoder: any Decoder) throws {
        let base = decoder.codingPath
        let container: KeyedDecodingContainer<CodingKeys>
        do {
            container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
        } catch let error as DecodingError {
            throw OSVRecordDecodingError(recordID: nil, base: base, error: error)
        }
        do {
            schemaVersion = try container.decodeIfPresent(String.self, forKey: .schemaVersion)
            modified = try Self.decodeDate(container, .modified)
            published = try Self.decodeDateIfPresent(container, .published)
            withdrawn = try Self.decodeDateIfPresent(container, .withdrawn)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            related = try container.decodeIfPresent([String].self, forKey: .related) ?? []
            upstream = try container.decodeIfPresent([String].self, forKey: .upstream) ?? []
            summary = try container.decodeIfPresent(String.self, forKey: .summary)
            details = try container.decodeIfPresent(String.self, forKey: .details)
            severity = try container.decodeIfPresent([OSVSeverity].self, forKey: .severity) ?? []
            affected = try container.decodeIfPresent([OSVAffected].self, forKey: .affected) ?? []
            references = try container.decodeIfPresent([OSVReference].self, forKey: .references) ?? []
            databaseSpecific = try container.decodeIfPresent(OSVJSONValue.self, forKey: .databaseSpecific)
        } catch let error as DecodingError {
            throw OSVRecordDecodingError(recordID: id, base: base, error: error)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
        try container.encode(id, forKey: .id)
        try container.encode(OSVTimestamp.format(modified), forKey: .modified)
        try container.encodeIfPresent(published.map(OSVTimestamp.format), forKey: .published)
        try container.encodeIfPresent(withdrawn.map(OSVTimestamp.format), forKey: .withdrawn)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
        if !related.isEmpty { try container.encode(related, forKey: .related) }
        if !upstream.isEmpty { try container.encode(upstream, forKey: .upstream) }
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(details, forKey: .details)
        if !severity.isEmpty { try container.encode(severity, forKey: .severity) }
        if !affected.isEmpty { try container.encode(affected, forKey: .affected) }
        if !references.isEmpty { try container.encode(references, forKey: .references) }
        try container.encodeIfPresent(databaseSpecific, forKey: .databaseSpecific)
    }

    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = OSVTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "not an RFC 3339 timestamp: \"\(text)\"")
        }
        return date
    }

    private static func decodeDateIfPresent(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> Date? {
        guard container.contains(key), try container.decodeNil(forKey: key) == false else { return nil }
        return try decodeDate(container, key)
    }
}
