/// `storage.License`: what a package database says about the package's license.
public struct ComponentLicense: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var type: String
    @Defaulted public var url: String

    public init() {}
}
