/// One question to ask the advisory data about an installed package: which
/// records concern `key`, to be evaluated against `version`.
///
/// The version travels with the key because it is not always the installed
/// package's own: Debian advisories are about source packages, so a binary
/// `libssl3 3.0.11-1~deb12u2+b1` is checked as source `openssl` at the
/// source version.
public struct OSVLookup: Sendable, Hashable {
    public var key: OSVPackageKey
    public var version: String

    public init(key: OSVPackageKey, version: String) {
        self.key = key
        self.version = version
    }
}
