/// A link from an advisory (`ADVISORY`, `FIX`, `WEB`, `PACKAGE`, ...).
public struct OSVReference: Sendable, Hashable, Codable {
    /// Open string: the schema grows new reference types.
    public var type: String
    public var url: String

    public init(type: String, url: String) {
        self.type = type
        self.url = url
    }
}
