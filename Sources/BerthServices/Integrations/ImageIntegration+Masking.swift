import BerthModel

extension ImageIntegration {
    /// What responses show in place of a secret, and what clients send back to mean "keep it".
    public static let secretMask = "******"

    public var masked: ImageIntegration {
        var copy = self
        copy.config = config?.masked
        return copy
    }
}
