/// Why a language cataloger gave up on a file it had claimed.
///
/// The layer walker records the thrown error as partial scan data next to the
/// file's path, so every case carries that path and a sentence an operator can
/// act on without reading the source.
public enum LanguageCatalogerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A package metadata file (METADATA, PKG-INFO, package.json,
    /// pom.properties) is present but lacks what the format requires.
    case malformedMetadata(path: String, reason: String)
    /// The file has the Go build-info magic but its contents do not decode.
    case malformedGoBuildInfo(path: String, reason: String)
    /// A Java archive is not a readable zip file.
    case corruptArchive(path: String, reason: String)
    /// A Java archive (with its nested archives) inflates past the budget,
    /// which is how a zip bomb shows itself.
    case archiveBudgetExceeded(path: String, limitBytes: Int)

    public var description: String {
        switch self {
        case let .malformedMetadata(path, reason):
            "\(path): malformed package metadata: \(reason)"
        case let .malformedGoBuildInfo(path, reason):
            "\(path): malformed Go build info: \(reason)"
        case let .corruptArchive(path, reason):
            "\(path): corrupt Java archive: \(reason)"
        case let .archiveBudgetExceeded(path, limitBytes):
            "\(path): Java archive inflates past \(limitBytes) bytes (nested archives included); refusing it as a possible zip bomb"
        }
    }
}
