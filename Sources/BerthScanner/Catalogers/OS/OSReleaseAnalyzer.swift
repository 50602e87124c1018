import Foundation

/// Names the distribution an image is built on.
///
/// Several files can say it, with different reliability: os-release is the
/// standard and carries a normalised `ID`, while alpine-release, the Red Hat
/// family's `*-release` banners and debian_version predate it and must be read
/// as prose. Each file yields its own finding with a precedence, and the
/// walker keeps the lowest, so a minimal image that lacks os-release still gets
/// a distribution while a full one is never second-guessed by a banner.
public struct OSReleaseAnalyzer: FileAnalyzer {
    public let name = "os-release"

    /// Precedence by path. `etc/os-release` comes before `usr/lib/os-release`
    /// because the os-release spec lets the former override the latter; on
    /// most images one is a symlink to the other and the walker sees only the
    /// regular file anyway.
    static let precedences: [String: Int] = [
        "etc/os-release": 0,
        "usr/lib/os-release": 1,
        "etc/alpine-release": 2,
        "etc/redhat-release": 3,
        "etc/centos-release": 3,
        "etc/rocky-release": 3,
        "etc/almalinux-release": 3,
        "etc/fedora-release": 3,
        "etc/debian_version": 4,
    ]

    /// Real release files are a few hundred bytes; anything large at these
    /// paths is not one, and reading it would only waste memory.
    static let maximumSize: Int64 = 64 * 1024

    public init() {}

    public func wants(_ entry: FileEntry) -> Bool {
        entry.size <= Self.maximumSize && Self.precedences[entry.path] != nil
    }

    public func analyze(_ file: ImageFile) throws -> [Finding] {
        guard let precedence = Self.precedences[file.path] else { return [] }
        let text = String(decoding: file.contents, as: UTF8.self)
        let system: OperatingSystem?
        switch file.path {
        case "etc/os-release", "usr/lib/os-release":
            system = Self.parseOSRelease(text)
        case "etc/alpine-release":
            system = Self.parseAlpineRelease(text)
        case "etc/debian_version":
            system = Self.parseDebianVersion(text)
        default:
            let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
            system = Self.parseRedHatRelease(text, fileName: fileName)
        }
        guard let system else { return [] }
        return [.operatingSystem(system, precedence: precedence)]
    }

    /// `ID` defaults to `linux` as the os-release spec says; `VERSION_ID`
    /// falls back to `VERSION_CODENAME` because rolling and testing releases
    /// (Debian testing, Arch) publish no number, and the codename is the only
    /// thing a feed could be keyed by.
    static func parseOSRelease(_ text: String) -> OperatingSystem? {
        let fields = OSReleaseFields(parsing: text)
        let id = fields["ID"].flatMap(nonEmpty)
        let versionID = fields["VERSION_ID"].flatMap(nonEmpty) ?? fields["VERSION_CODENAME"].flatMap(nonEmpty)
        let prettyName = fields["PRETTY_NAME"].flatMap(nonEmpty) ?? fields["NAME"].flatMap(nonEmpty)
        guard id != nil || versionID != nil || prettyName != nil else { return nil }
        return OperatingSystem(
            id: (id ?? "linux").lowercased(),
            versionID: versionID ?? "",
            prettyName: prettyName
        )
    }

    /// The file holds just the release, `3.19.1`.
    static func parseAlpineRelease(_ text: String) -> OperatingSystem? {
        guard let version = firstLine(text) else { return nil }
        return OperatingSystem(id: "alpine", versionID: version, prettyName: "Alpine Linux v\(version)")
    }

    /// A point release (`12.5`) is reduced to its major number, which is what
    /// Debian's os-release `VERSION_ID` and its security feed use. Testing and
    /// unstable, and Ubuntu, write a codename instead (`bookworm/sid`); that
    /// is kept as written because no number can honestly be derived from it.
    static func parseDebianVersion(_ text: String) -> OperatingSystem? {
        guard let line = firstLine(text) else { return nil }
        if let first = line.unicodeScalars.first, CharacterSet.decimalDigits.contains(first) {
            let major = line.split(separator: ".", maxSplits: 1).first.map(String.init) ?? line
            return OperatingSystem(id: "debian", versionID: major, prettyName: "Debian GNU/Linux \(line)")
        }
        return OperatingSystem(id: "debian", versionID: line, prettyName: "Debian GNU/Linux \(line)")
    }

    /// Reads banners such as `Red Hat Enterprise Linux release 9.3 (Plow)` or
    /// `CentOS Stream release 9`. The product name decides the ID, because the
    /// same banner text is found under several file names (Rocky and Alma also
    /// ship `redhat-release`); the file name is only a fallback for products
    /// this list does not know.
    static func parseRedHatRelease(_ text: String, fileName: String) -> OperatingSystem? {
        guard let line = firstLine(text) else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let versionIndex: Int?
        if let releaseIndex = words.firstIndex(where: { $0.lowercased() == "release" }), releaseIndex + 1 < words.count {
            versionIndex = releaseIndex + 1
        } else {
            versionIndex = words.firstIndex(where: { $0.first?.isNumber == true })
        }
        guard let versionIndex, words[versionIndex].first?.isNumber == true else { return nil }
        let product = line.lowercased()
        let id: String
        if product.hasPrefix("red hat enterprise linux") {
            id = "rhel"
        } else if product.hasPrefix("centos") {
            id = "centos"
        } else if product.hasPrefix("rocky linux") {
            id = "rocky"
        } else if product.hasPrefix("almalinux") {
            id = "almalinux"
        } else if product.hasPrefix("fedora") {
            id = "fedora"
        } else if product.hasPrefix("oracle linux") {
            id = "ol"
        } else if product.hasPrefix("amazon linux") {
            id = "amzn"
        } else {
            switch fileName {
            case "centos-release": id = "centos"
            case "rocky-release": id = "rocky"
            case "almalinux-release": id = "almalinux"
            case "fedora-release": id = "fedora"
            default: id = "rhel"
            }
        }
        return OperatingSystem(id: id, versionID: words[versionIndex], prettyName: line)
    }

    private static func firstLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline)
            .lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.isEmpty ? nil : value
    }
}
