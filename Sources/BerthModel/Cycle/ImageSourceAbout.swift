/// User-defined notes on an image source.
public struct ImageSourceAbout: Codable, Sendable, Equatable {
    public var description: String?

    public init(description: String?) {
        self.description = description
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let description { try container.encode(description, forKey: .description) } else { try container.encodeNil(forKey: .description) }
    }
}
