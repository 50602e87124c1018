/// One module line of Go module info (`mod`, `dep` or `=>`).
public struct GoModule: Sendable, Hashable {
    public var path: String
    /// Go's own spelling, `v1.2.3` or a pseudo-version; `(devel)` for a
    /// main module built from a working tree, empty for a directory
    /// replacement.
    public var version: String
    /// The go.sum hash (`h1:…`); empty for replaced or main modules.
    public var sum: String

    public init(path: String, version: String, sum: String = "") {
        self.path = path
        self.version = version
        self.sum = sum
    }
}
