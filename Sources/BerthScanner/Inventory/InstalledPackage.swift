/// One package found in an image's final filesystem.
///
/// Distro vulnerability feeds are keyed by the *source* package (Debian's
/// `Source:` field, Alpine's `o:` origin, the source RPM), so catalogers keep
/// it next to the binary package; `nil` means "same as the binary".
public struct InstalledPackage: Sendable, Codable, Hashable {
    public var name: String
    public var version: String
    public var format: PackageFormat
    public var sourceName: String?
    public var sourceVersion: String?
    public var architecture: String?
    public var license: String?
    /// The file the package was read from, without a leading `/`
    /// (`var/lib/dpkg/status`, `app/lib/x.jar`).
    public var location: String
    /// Index (0 = base) of the layer that last wrote `location`.
    public var layerIndex: Int

    public init(
        name: String, version: String, format: PackageFormat,
        sourceName: String? = nil, sourceVersion: String? = nil,
        architecture: String? = nil, license: String? = nil,
        location: String, layerIndex: Int = 0
    ) {
        self.name = name
        self.version = version
        self.format = format
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.architecture = architecture
        self.license = license
        self.location = location
        self.layerIndex = layerIndex
    }

    public var sourceType: SourceType {
        switch format {
        case .dpkg, .apk, .rpm: .os
        case .python: .python
        case .npm: .nodejs
        case .go: .go
        case .maven: .java
        }
    }
}
