/// An image name Berth re-scans on an interval, whether or not anything runs it.
public struct WatchedImage: Codable, Sendable, Equatable {
    @Defaulted public var name: String

    public init() {}
}
