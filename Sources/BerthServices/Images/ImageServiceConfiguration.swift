import BerthRegistry

/// Knobs of the image service, from `berth serve` flags.
public struct ImageServiceConfiguration: Sendable {
    /// Platform picked from multi-platform indexes (`--platform`).
    public var platform = Platform.defaultPlatform
    /// A repeated scan within this many seconds is served from the catalogue unless forced.
    public var cacheTTL: Double = 600
    /// Registry fetches running at once (`--scan-concurrency`).
    public var scanConcurrency = 4
    public var authFile: RegistryAuthFile?

    public init() {}
}
