import Crypto
import Foundation
import NIOCore

/// An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as
/// skopeo and buildah write it, read as an ``ImageContentSource`` with the same digest
/// checks as a registry: a file whose bytes do not match its name is never trusted.
public struct OCILayout: ImageContentSource {
    public let root: URL

    public init(path: String) throws(RegistryError) {
        root = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("index.json").path) else {
            throw .notFound(url: path, detail: "not an OCI layout: \(path)/index.json does not exist")
        }
    }

    public var location: String { root.path }

    /// `reference` is a tag (the `org.opencontainers.image.ref.name` annotation of an
    /// `index.json` entry) or a digest; an empty tag means the only entry.
    public func manifest(reference: String) async throws(RegistryError) -> ManifestResponse {
        let digest: String
        var mediaType: String?
        if reference.hasPrefix("sha256:") {
            digest = reference
        } else {
            let index = try readIndex()
            let named = index.manifests.filter { $0.annotations?["org.opencontainers.image.ref.name"] == reference }
            let candidates = reference.isEmpty && index.manifests.count == 1 ? index.manifests : named
            guard let entry = candidates.first else {
                let names = index.manifests.compactMap { $0.annotations?["org.opencontainers.image.ref.name"] }
                throw .notFound(url: location, detail: "no image tagged \"\(reference)\" in the layout (it has: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
            }
            digest = entry.digest
            mediaType = entry.mediaType
        }
        let data = try readBlob(digest: digest, limit: 4 << 20)
        if mediaType == nil {
            struct Probe: Decodable {
                var mediaType: String?
                var manifests: [Descriptor]?
            }
            let probe = try? JSONDecoder().decode(Probe.self, from: data)
            mediaType = probe?.mediaType ?? (probe?.manifests != nil ? MediaType.ociIndex : MediaType.ociManifest)
        }
        return ManifestResponse(digest: digest, mediaType: mediaType ?? MediaType.ociManifest, data: data)
    }

    public func blob(digest: String, limit: Int) async throws(RegistryError) -> Data {
        try readBlob(digest: digest, limit: limit)
    }

    private func readBlob(digest: String, limit: Int) throws(RegistryError) -> Data {
        let url = try path(of: digest)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .notFound(url: url.path, detail: "blob missing from the layout")
        }
        guard data.count <= limit else { throw .invalidResponse(url: url.path, detail: "blob larger than \(limit) bytes") }
        let actual = RegistryClient.sha256(data)
        guard actual == digest else { throw .digestMismatch(url: url.path, expected: digest, actual: actual) }
        return data
    }

    public func blobStream(digest: String) async throws(RegistryError) -> any AsyncSequence<ByteBuffer, any Error> {
        let url = try path(of: digest)
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .notFound(url: url.path, detail: "blob missing from the layout")
        }
        return FileBlobStream(handle: handle, path: url.path, expected: digest)
    }

    private func readIndex() throws(RegistryError) -> ImageIndex {
        let path = root.appendingPathComponent("index.json").path
        guard let data = FileManager.default.contents(atPath: path), let index = try? JSONDecoder().decode(ImageIndex.self, from: data) else {
            throw .invalidResponse(url: path, detail: "index.json is not an OCI image index")
        }
        return index
    }

    private func path(of digest: String) throws(RegistryError) -> URL {
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == "sha256", parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit) else {
            throw .unsupported(url: location, detail: "only sha256 digests can be verified, got \(digest)")
        }
        return root.appendingPathComponent("blobs/sha256/\(parts[1])")
    }
}
