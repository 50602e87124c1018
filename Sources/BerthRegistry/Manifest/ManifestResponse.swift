import Foundation

/// A manifest as the registry served it: its bytes, their verified digest, its media type.
public struct ManifestResponse: Sendable, Equatable {
    public var digest: String
    public var mediaType: String
    public var data: Data

    public func decodeManifest() throws -> ImageManifest {
        try JSONDecoder().decode(ImageManifest.self, from: data)
    }

    public func decodeIndex() throws -> ImageIndex {
        try JSONDecoder().decode(ImageIndex.self, from: data)
    }
}
