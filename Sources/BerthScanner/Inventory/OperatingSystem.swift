/// The distribution an image is built on, as /etc/os-release (or a fallback
/// file) describes it.
public struct OperatingSystem: Sendable, Codable, Hashable {
    /// os-release `ID`, lowercased: `debian`, `alpine`, `rhel`, `ubuntu`.
    public var id: String
    /// os-release `VERSION_ID`, unquoted: `12`, `3.19.1`, `9.3`, `22.04`.
    public var versionID: String
    public var prettyName: String?

    public init(id: String, versionID: String, prettyName: String? = nil) {
        self.id = id
        self.versionID = versionID
        self.prettyName = prettyName
    }

    /// StackRox's `operatingSystem` string. Debian and RHEL-family keep only
    /// the major version and Alpine major.minor, because that is how
    /// their vulnerability feeds are keyed.
    public var identifier: String {
        let parts = versionID.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch id {
        case "debian", "rhel", "centos", "rocky", "almalinux", "ol", "amzn":
            return "\(id):\(parts.first ?? versionID)"
        case "alpine":
            return "\(id):\(parts.prefix(2).joined(separator: "."))"
        default:
            return "\(id):\(versionID)"
        }
    }
}
