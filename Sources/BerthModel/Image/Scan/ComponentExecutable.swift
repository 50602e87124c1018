/// `EmbeddedImageScanComponent.Executable`: a file the component installed, with the
/// components it needs at run time.
public struct ComponentExecutable: Codable, Sendable, Equatable {
    @Defaulted public var path: String
    @Defaulted public var dependencies: [String]

    public init() {}
}
