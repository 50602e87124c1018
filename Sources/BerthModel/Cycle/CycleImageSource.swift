/// Where a Cycle image comes from: its source's type, id and origin (credentials removed),
/// and the create request's overrides.
public struct CycleImageSource: Codable, Sendable, Equatable {
    public var type: String
    public var details: CycleImageSourceDetails
    public var override: CycleImageOverride?

    public init(type: String, details: CycleImageSourceDetails, override: CycleImageOverride?) {
        self.type = type
        self.details = details
        self.override = override
    }
}
