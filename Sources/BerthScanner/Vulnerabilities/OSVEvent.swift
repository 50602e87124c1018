/// One boundary of a range. The schema allows exactly one of the four keys
/// per event object, so an enum makes "both fixed and last_affected in one
/// event" unrepresentable instead of something the matcher must guess about.
public enum OSVEvent: Sendable, Hashable, Codable {
    /// From this version on the package is affected; `"0"` means "from the
    /// very first version", whatever the ecosystem's ordering says about 0.
    case introduced(String)
    /// From this version on the package is no longer affected.
    case fixed(String)
    /// The last affected version (inclusive), for advisories that know no fix.
    case lastAffected(String)
    /// Versions at or above this are outside the range; `"*"` means no limit.
    case limit(String)

    private enum CodingKeys: String, CodingKey {
        case introduced
        case fixed
        case lastAffected = "last_affected"
        case limit
    }

    public var version: String {
        switch self {
        case .introduced(let version), .fixed(let version), .lastAffected(let version), .limit(let version):
            version
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var found: [OSVEvent] = []
        if let version = try container.decodeIfPresent(String.self, forKey: .introduced) {
            found.append(.introduced(version))
        }
        if let version = try container.decodeIfPresent(String.self, forKey: .fixed) {
            found.append(.fixed(version))
        }
        if let version = try container.decodeIfPresent(String.self, forKey: .lastAffected) {
            found.append(.lastAffected(version))
        }
        if let version = try container.decodeIfPresent(String.self, forKey: .limit) {
            found.append(.limit(version))
        }
        guard found.count == 1, let event = found.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "an event must have exactly one of introduced, fixed, last_affected, limit"
                    + " (found \(found.count))"
            ))
        }
        self = event
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .introduced(let version): try container.encode(version, forKey: .introduced)
        case .fixed(let version): try container.encode(version, forKey: .fixed)
        case .lastAffected(let version): try container.encode(version, forKey: .lastAffected)
        case .limit(let version): try container.encode(version, forKey: .limit)
        }
    }
}
