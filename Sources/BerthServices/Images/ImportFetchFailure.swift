import BerthRegistry

/// Why an import could not fetch an image.
public enum ImportFetchFailure: Error, Sendable {
    case blocked(String)
    case registry([RegistryError])
}
