/// The platform of one child of an image index.
public struct Platform: Codable, Sendable, Equatable, CustomStringConvertible {
    public var architecture: String
    public var os: String
    public var variant: String?

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    /// `linux/amd64`, `linux/arm64/v8`.
    public static func parse(_ text: String) -> Platform? {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        return Platform(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    public static let defaultPlatform = Platform(os: "linux", architecture: "amd64")

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// A wanted platform without a variant accepts any variant.
    public func accepts(_ other: Platform) -> Bool {
        os == other.os && architecture == other.architecture && (variant == nil || variant == other.variant)
    }
}
