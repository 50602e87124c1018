/// What an analyzer learned from one file.
public enum Finding: Sendable, Hashable {
    case package(InstalledPackage)
    /// Several files can name the distribution (os-release, alpine-release,
    /// redhat-release); the walker keeps the one with the lowest precedence.
    case operatingSystem(OperatingSystem, precedence: Int)
}
