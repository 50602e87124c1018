import Foundation
import NIOCore

/// Where an image's manifests and blobs come from: a registry repository or an OCI layout
/// on disk. Metadata fetching and layer scanning are written once against this, the way
/// go-containerregistry's `remote` and `layout` packages serve one `Image` interface.
public protocol ImageContentSource: Sendable {
    /// Names the source in error messages: a URL or a path.
    var location: String { get }
    /// A manifest or index by tag or digest, digest verified.
    func manifest(reference: String) async throws(RegistryError) -> ManifestResponse
    /// A small blob (a config), digest verified.
    func blob(digest: String, limit: Int) async throws(RegistryError) -> Data
    /// A blob as a stream that throws at its end if the bytes do not match the digest.
    func blobStream(digest: String) async throws(RegistryError) -> any AsyncSequence<ByteBuffer, any Error>
}
